// Bearer authentication and the level / role guards. The look-up itself belongs to the
// sessions module; this file only reads the header and turns outcomes into 401 / 403.
import type { Context } from 'koa';
import { AppError, errors } from './errors';
import { LEVEL_NAMES, levelAtLeast, type AuthSession, type Level, type Role } from './principal';

export interface AuthRequirement {
  level?: Level;
  roles?: readonly Role[];
}

export type ResolveOutcome =
  { ok: true; session: AuthSession } | { ok: false; reason: 'unknown' | 'revoked' | 'expired' };

export interface SessionResolver {
  resolve(token: string): Promise<ResolveOutcome>;
}

/** Tokens are 32 random bytes in base64url: anything else is refused without a store look-up. */
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

export function bearerToken(ctx: Context): string | null {
  const header = ctx.get('authorization');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}

/**
 * Resolves the bearer token into `ctx.state.session` or throws 401. A plain function rather than
 * a middleware: the route's authentication step (core/acting.ts) calls it, then goes on itself.
 */
export type SignIn = (ctx: Context) => Promise<void>;

export function signIn(resolver: SessionResolver): SignIn {
  return async function resolveSession(ctx: Context) {
    const token = bearerToken(ctx);
    if (!token) throw errors.unauthenticated('请先登录');
    if (!TOKEN_FORMAT.test(token)) throw errors.unauthenticated('登录状态无效，请重新登录');
    const outcome = await resolver.resolve(token);
    if (!outcome.ok) {
      if (outcome.reason === 'expired') throw errors.sessionExpired();
      if (outcome.reason === 'revoked') throw errors.unauthenticated('您已退出登录或登录已更新，请重新登录');
      throw errors.unauthenticated('登录状态无效，请重新登录');
    }
    ctx.state.session = outcome.session;
    ctx.state.token = token;
  };
}

/** Throws 401 / 403 unless the request's session meets the requirement. */
export function checkAccess(ctx: Context, requirement: AuthRequirement): void {
  const session = ctx.state.session as AuthSession | undefined;
  if (!session) throw errors.unauthenticated();
  if (requirement.roles && !requirement.roles.includes(session.role)) throw errors.forbidden();
  if (requirement.level && !levelAtLeast(session.level, requirement.level)) {
    const message =
      requirement.level === 'FACE_CHECKED'
        ? '此操作需要先完成人脸核验'
        : `此操作需要先完成${LEVEL_NAMES[requirement.level]}`;
    throw errors.levelRequired(requirement.level, message);
  }
}

export function sessionOf(ctx: Context): AuthSession {
  const session = ctx.state.session as AuthSession | undefined;
  if (!session) throw new AppError(401, 'UNAUTHENTICATED', '请先登录');
  return session;
}
