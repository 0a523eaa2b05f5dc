import type { Context } from 'koa';
import { AppError } from './errors';
import { bearerToken, checkAccess, signIn, type SessionResolver } from './auth';
import type { AuthSession } from './principal';

function ctxWith(headers: Record<string, string>, session?: Partial<AuthSession>): Context {
  return { get: (name: string) => headers[name.toLowerCase()] ?? '', state: { session } } as unknown as Context;
}

async function codeOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return 'passed';
  } catch (error) {
    return error instanceof AppError ? `${error.status} ${error.code}` : 'other';
  }
}

describe('guards', () => {
  it('require the role', async () => {
    const staffOnly = async (ctx: Context) => checkAccess(ctx, { roles: ['staff', 'supervisor'] });
    expect(await codeOf(() => staffOnly(ctxWith({}, { role: 'resident', level: 'FACE_CHECKED' })))).toBe(
      '403 FORBIDDEN',
    );
    expect(await codeOf(() => staffOnly(ctxWith({}, { role: 'staff', level: 'LOGGED_IN' })))).toBe('passed');
  });

  it('require the level and name it', async () => {
    const faceOnly = async (ctx: Context) => checkAccess(ctx, { level: 'FACE_CHECKED' });
    const ctx = ctxWith({}, { role: 'resident', level: 'REAL_NAME' });
    const error = await faceOnly(ctx).catch((e: AppError) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 403, code: 'LEVEL_REQUIRED', extra: { requiredLevel: 'FACE_CHECKED' } });
    expect((error as AppError).message).toContain('人脸核验');
    expect(await codeOf(() => faceOnly(ctxWith({}, { role: 'resident', level: 'FACE_CHECKED' })))).toBe('passed');
    expect(await codeOf(() => faceOnly(ctxWith({})))).toBe('401 UNAUTHENTICATED');
  });
});

describe('signIn', () => {
  const token = 'a'.repeat(43);
  const resolver = (outcome: Awaited<ReturnType<SessionResolver['resolve']>>): SessionResolver => ({
    resolve: async () => outcome,
  });

  it('reads only a well-formed bearer token', () => {
    expect(bearerToken(ctxWith({ authorization: `Bearer ${token}` }))).toBe(token);
    expect(bearerToken(ctxWith({ authorization: `bearer   ${token}  ` }))).toBe(token);
    expect(bearerToken(ctxWith({ authorization: `Token ${token}` }))).toBeNull();
  });

  it('maps each outcome to its 401', async () => {
    const headers = { authorization: `Bearer ${token}` };
    expect(await codeOf(() => signIn(resolver({ ok: false, reason: 'expired' }))(ctxWith(headers)))).toBe(
      '401 SESSION_EXPIRED',
    );
    expect(await codeOf(() => signIn(resolver({ ok: false, reason: 'revoked' }))(ctxWith(headers)))).toBe(
      '401 UNAUTHENTICATED',
    );
    expect(await codeOf(() => signIn(resolver({ ok: false, reason: 'unknown' }))(ctxWith(headers)))).toBe(
      '401 UNAUTHENTICATED',
    );
    let looked = false;
    const spy: SessionResolver = { resolve: async () => ((looked = true), { ok: false, reason: 'unknown' }) };
    expect(await codeOf(() => signIn(spy)(ctxWith({ authorization: 'Bearer short' })))).toBe('401 UNAUTHENTICATED');
    expect(looked).toBe(false);
  });
});
