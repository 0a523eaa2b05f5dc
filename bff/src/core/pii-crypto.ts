// Personal data at rest: AES-256-GCM for values we must read back (ID number, name, WeChat
// session_key, uploaded documents such as ID-card photos) and an HMAC-SHA256 fingerprint for
// look-ups and uniqueness. Both keys are derived from the one configured key with HKDF, so a
// leaked fingerprint key cannot decrypt.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';

export interface PiiCrypto {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  /** Files: iv (12 bytes), tag (16 bytes), ciphertext, as one buffer. */
  sealBytes(plain: Buffer): Buffer;
  openBytes(sealed: Buffer): Buffer;
  fingerprint(value: string): string;
}

export function createPiiCrypto(masterKey: Buffer): PiiCrypto {
  if (masterKey.length !== 32) throw new Error('the personal-data key must be 32 bytes');
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), info, 32));
  const encKey = derive('bianmin/pii/aes-256-gcm');
  const macKey = derive('bianmin/pii/hmac-sha256');

  const seal = (plain: Buffer): Buffer => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', encKey, iv);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  };
  const open = (raw: Buffer): Buffer => {
    const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
  };

  return {
    encrypt(plain) {
      return `${VERSION}.${seal(Buffer.from(plain, 'utf8')).toString('base64url')}`;
    },
    decrypt(sealed) {
      const [version, payload] = sealed.split('.');
      if (version !== VERSION || !payload) throw new Error('unknown sealed value format');
      return open(Buffer.from(payload, 'base64url')).toString('utf8');
    },
    sealBytes: seal,
    openBytes: open,
    fingerprint(value) {
      return createHmac('sha256', macKey).update(value, 'utf8').digest('hex');
    },
  };
}
