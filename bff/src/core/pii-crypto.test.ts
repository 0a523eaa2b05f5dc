import { randomBytes } from 'node:crypto';
import { createPiiCrypto } from './pii-crypto';

describe('personal-data crypto', () => {
  const crypto = createPiiCrypto(randomBytes(32));

  it('round-trips and never repeats a ciphertext', () => {
    const a = crypto.encrypt('11010519491231002X');
    const b = crypto.encrypt('11010519491231002X');
    expect(a).not.toBe(b);
    expect(a).not.toContain('11010519491231002X');
    expect(crypto.decrypt(a)).toBe('11010519491231002X');
    expect(crypto.decrypt(crypto.encrypt('欧阳娜娜'))).toBe('欧阳娜娜');
  });

  it('refuses a tampered value or another key', () => {
    const sealed = crypto.encrypt('secret');
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    raw[raw.length - 1] ^= 1;
    expect(() => crypto.decrypt(`v1.${raw.toString('base64url')}`)).toThrow();
    expect(() => createPiiCrypto(randomBytes(32)).decrypt(sealed)).toThrow();
    expect(() => crypto.decrypt('v2.abc')).toThrow();
  });

  it('fingerprints deterministically per key', () => {
    expect(crypto.fingerprint('x')).toBe(crypto.fingerprint('x'));
    expect(crypto.fingerprint('x')).toMatch(/^[0-9a-f]{64}$/);
    expect(createPiiCrypto(randomBytes(32)).fingerprint('x')).not.toBe(crypto.fingerprint('x'));
  });

  it('seals files: round-trips, hides the bytes, refuses tampering', () => {
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(2000)]);
    const sealed = crypto.sealBytes(photo);
    expect(sealed.length).toBe(photo.length + 28);
    expect(sealed.includes(photo.subarray(0, 64))).toBe(false);
    expect(crypto.openBytes(sealed).equals(photo)).toBe(true);
    expect(crypto.sealBytes(photo).equals(sealed)).toBe(false);
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] ^= 1;
    expect(() => crypto.openBytes(tampered)).toThrow();
    expect(() => createPiiCrypto(randomBytes(32)).openBytes(sealed)).toThrow();
  });

  it('needs a 32-byte key', () => {
    expect(() => createPiiCrypto(randomBytes(16))).toThrow();
  });
});
