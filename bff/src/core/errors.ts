// One error type for everything the BFF answers with on purpose. Anything else that escapes
// a handler becomes a 500 INTERNAL_ERROR with a generic message: no stack, no internals.
import type { Context } from 'koa';

export type ErrorExtra = Record<string, unknown>;

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: ErrorExtra = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const errors = {
  notFound: (message = '请求的内容不存在') => new AppError(404, 'NOT_FOUND', message),
  unauthenticated: (message = '请先登录') => new AppError(401, 'UNAUTHENTICATED', message),
  sessionExpired: () => new AppError(401, 'SESSION_EXPIRED', '登录已过期，请重新登录'),
  forbidden: (message = '没有权限进行此操作') => new AppError(403, 'FORBIDDEN', message),
  levelRequired: (requiredLevel: string, message: string) =>
    new AppError(403, 'LEVEL_REQUIRED', message, { requiredLevel }),
  /** 429 with the wait in seconds both in the body and in a Retry-After header. */
  rateLimited: (code: string, message: string, retryAfterSeconds: number, extra: ErrorExtra = {}) =>
    new AppError(429, code, message, { retryAfterSeconds, ...extra }, { 'Retry-After': String(retryAfterSeconds) }),
};

/** "X 分钟" / "X 秒" for messages that tell a person how long to wait. */
export function describeWait(seconds: number): string {
  if (seconds >= 3600) return `${Math.ceil(seconds / 3600)} 小时`;
  if (seconds >= 60) return `${Math.ceil(seconds / 60)} 分钟`;
  return `${Math.max(1, Math.ceil(seconds))} 秒`;
}

interface HttpishError {
  status?: number;
  statusCode?: number;
  expose?: boolean;
  type?: string;
}

/** Errors raised by Koa and its body parser for the caller's mistakes, given stable codes. */
function fromHttpError(error: unknown): AppError | null {
  const e = error as HttpishError | null;
  const status = e?.status ?? e?.statusCode;
  if (status === 501) return new AppError(501, 'NOT_IMPLEMENTED', '不支持此请求方式');
  if (typeof status !== 'number' || status < 400 || status >= 500) return null;
  if (status === 413) return new AppError(413, 'PAYLOAD_TOO_LARGE', '提交的内容过大');
  if (status === 415) return new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '不支持的内容类型，请以 JSON 提交');
  if (status === 404) return errors.notFound();
  if (status === 405) return new AppError(405, 'METHOD_NOT_ALLOWED', '不支持此请求方式');
  if (status === 400) return new AppError(400, 'BAD_REQUEST', '请求格式不正确');
  return new AppError(status, 'BAD_REQUEST', '请求无法处理');
}

/** The store cannot be reached: a temporary condition, not a bug. */
function fromStoreError(error: unknown): AppError | null {
  const name = (error as { name?: string } | null)?.name ?? '';
  if (
    /^Mongo(ServerSelection|Network|NetworkTimeout|NotConnected|TopologyClosed)Error$/.test(name) ||
    name === 'MongooseServerSelectionError'
  ) {
    return new AppError(503, 'STORE_UNAVAILABLE', '系统繁忙，请稍后再试');
  }
  return null;
}

export function errorBody(error: AppError, requestId: string | undefined) {
  return { error: { code: error.code, message: error.message, ...error.extra }, requestId };
}

/**
 * Answers a failed request in the contract's shape: known errors with their status and code,
 * anything else as a 500 without internals (kept on ctx.state for the access log).
 */
export function answerError(ctx: Context, error: unknown): void {
  const known = error instanceof AppError ? error : (fromHttpError(error) ?? fromStoreError(error));
  const appError = known ?? new AppError(500, 'INTERNAL_ERROR', '系统繁忙，请稍后再试');
  if (!known) ctx.state.unexpectedError = error;
  else if (appError.status >= 500) ctx.state.upstreamError = error;
  ctx.status = appError.status;
  for (const [name, value] of Object.entries(appError.headers)) ctx.set(name, value);
  ctx.body = errorBody(appError, ctx.state.requestId as string | undefined);
  ctx.state.errorCode = appError.code;
}

/** A request that no route or static file answered gets the contract's 404. */
export function answerIfUnmatched(ctx: Context): void {
  if (ctx.status === 404 && ctx.body === undefined) answerError(ctx, errors.notFound('接口不存在'));
}
