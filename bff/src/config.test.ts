import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig, parseKey } from './config';

const dataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'bianmin-config-'));

describe('config', () => {
  it('has working defaults', () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    expect(config.port).toBe(3000);
    expect(config.platform.key).toBe('dev-platform-key');
    expect(config.wechat).toEqual({ appId: 'wxbianminsandbox', secret: 'sandbox-wechat-secret' });
    expect(config.sessions).toMatchObject({
      idleSeconds: 1800,
      absoluteSeconds: 7 * 86400,
      staffAbsoluteSeconds: 12 * 3600,
      faceCheckedSeconds: 300,
    });
    expect(config.piiKey).toHaveLength(32);
    expect(config.certificates).toEqual({ showCodeTtlSeconds: 300, listDeadlineMs: 2500 });
  });

  it('generates the development key once and reuses it', () => {
    const dir = dataDir();
    const a = loadConfig({ DATA_DIR: dir }).piiKey;
    const b = loadConfig({ DATA_DIR: dir }).piiKey;
    expect(a.equals(b)).toBe(true);
    expect(fs.existsSync(path.join(dir, 'keys', 'pii.key'))).toBe(true);
  });

  it('takes PII_KEY as hex or base64', () => {
    const hex = 'ab'.repeat(32);
    expect(loadConfig({ DATA_DIR: dataDir(), PII_KEY: hex }).piiKey.toString('hex')).toBe(hex);
    expect(parseKey(Buffer.alloc(32, 7).toString('base64'))?.equals(Buffer.alloc(32, 7))).toBe(true);
    expect(parseKey('short')).toBeNull();
  });

  it('explains bad values in Chinese and English', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: dataDir(), PORT: 'eighty' })).toThrow(
      /环境变量配置有误 \/ invalid environment:\n {2}PORT/,
    );
    expect(() => loadConfig({ DATA_DIR: dataDir(), PII_KEY: 'too-short' })).toThrow(/PII_KEY/);
    expect(() => loadConfig({ DATA_DIR: dataDir(), MONGODB_URI: 'http://x' })).toThrow(/MONGODB_URI/);
    expect(() => loadConfig({ DATA_DIR: dataDir(), SHOW_CODE_TTL_SECONDS: '0' })).toThrow(/SHOW_CODE_TTL_SECONDS/);
    expect(() => loadConfig({ DATA_DIR: dataDir(), CERTIFICATE_LIST_DEADLINE_MS: '5' })).toThrow(
      /CERTIFICATE_LIST_DEADLINE_MS/,
    );
  });
});
