// Personal data at rest: AES-256-GCM for values we must read back (ID number, name, WeChat
// session_key) and an HMAC-SHA256 fingerprint for look-ups and uniqueness. Both keys are
// derived from the one configured key with HKDF, so a leaked fingerprint key cannot decrypt.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';

export interface PiiCrypto {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  fingerprint(value: string): string;
}

export function createPiiCrypto(masterKey: Buffer): PiiCrypto {
  if (masterKey.length !== 32) throw new Error('the personal-data key must be 32 bytes');
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), info, 32));
  const encKey = derive('bianmin/pii/aes-256-gcm');
  const macKey = derive('bianmin/pii/hmac-sha256');

  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
    },
    decrypt(sealed) {
      const [version, payload] = sealed.split('.');
      if (version !== VERSION || !payload) throw new Error('unknown sealed value format');
      const raw = Buffer.from(payload, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    fingerprint(value) {
      return createHmac('sha256', macKey).update(value, 'utf8').digest('hex');
    },
  };
}
