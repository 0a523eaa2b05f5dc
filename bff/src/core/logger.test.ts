import { Writable } from 'node:stream';
import { createLogger, scrub } from './logger';

function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger('info', sink), lines };
}

describe('log redaction', () => {
  it('removes secret fields by name', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        token: 'tok-secret',
        idNumber: '11010519491231002X',
        body: { code: '123456', name: '张三', sessionKey: 'sk' },
        req: { headers: { authorization: 'Bearer abc' } },
      },
      'x',
    );
    const text = lines.join('\n');
    for (const secret of ['tok-secret', '11010519491231002X', '123456', '张三', '"sk"', 'Bearer abc'])
      expect(text).not.toContain(secret);
    expect(text).toContain('[REDACTED]');
  });

  it('masks ID numbers and bearer tokens inside error messages', () => {
    const { logger, lines } = capture();
    logger.error(
      { err: new Error('duplicate key 11010519491231002X for Authorization: Bearer abcdefghijklmnop') },
      'failed',
    );
    const text = lines.join('\n');
    expect(text).not.toContain('11010519491231002X');
    expect(text).toContain('110***********002X');
    expect(text).not.toContain('abcdefghijklmnop');
  });

  it('scrub leaves other numbers alone', () => {
    expect(scrub('order 12345 at 13800001234')).toBe('order 12345 at 13800001234');
    expect(scrub('id 440106198205161353.')).toBe('id 440***********1353.');
  });
});
