// Service-to-service authentication: the BFF sends the shared platform key in X-Platform-Key.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, Next } from 'koa';
import { SandboxError } from './errors';

const digest = (value: string) => createHash('sha256').update(value).digest();

export function requirePlatformKey(platformKey: string) {
  const expected = digest(platformKey);
  return async function checkPlatformKey(ctx: Context, next: Next): Promise<void> {
    const given = ctx.get('X-Platform-Key');
    // Compare digests so the comparison time does not depend on the key's length or content.
    if (!given || !timingSafeEqual(digest(given), expected)) {
      throw new SandboxError(401, 'PLATFORM_UNAUTHORIZED', '缺少或错误的平台访问密钥（X-Platform-Key）');
    }
    await next();
  };
}
