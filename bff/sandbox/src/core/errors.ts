// One error type for everything the sandbox refuses, and the middleware that turns any thrown
// error into the platform's error shape. Input problems are 4xx; only real bugs become 500,
// and even then without a stack.
import type { Context, Next } from 'koa';
import type { Logger } from 'pino';

export class SandboxError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra fields placed beside code and message (e.g. retryAfterSeconds). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'SandboxError';
  }
}

export const notFound = (message = '请求的资源不存在', code = 'NOT_FOUND') => new SandboxError(404, code, message);

export function sendError(
  ctx: Context,
  status: number,
  code: string,
  message: string,
  details: Record<string, unknown> = {},
): void {
  ctx.status = status;
  ctx.body = { error: { code, message, ...details }, requestId: ctx.state.requestId };
}

interface HttpLikeError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
}

/** Errors thrown by the body parser (co-body / raw-body) carry a 4xx status and a type. */
function bodyErrorFor(error: HttpLikeError): { status: number; code: string; message: string } | null {
  const status = error.status ?? error.statusCode;
  if (!status || status < 400 || status >= 500) return null;
  switch (error.type) {
    case 'entity.too.large':
      return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: '请求体过大' };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { status: 415, code: 'UNSUPPORTED_ENCODING', message: '不支持的请求编码，请使用 UTF-8' };
    case 'request.aborted':
      return { status: 400, code: 'REQUEST_ABORTED', message: '请求未完整发送' };
    case 'request.size.invalid':
      return { status: 400, code: 'INVALID_REQUEST', message: '请求体长度与声明不符' };
    default:
      return { status: 400, code: 'INVALID_JSON', message: '请求体不是有效的 JSON' };
  }
}

export function errorHandler(logger: Logger) {
  return async function handleErrors(ctx: Context, next: Next): Promise<void> {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined && ctx.respond !== false) {
        sendError(ctx, 404, 'NOT_FOUND', '接口不存在');
      } else if (ctx.status === 405 && ctx.body === undefined) {
        sendError(ctx, 405, 'METHOD_NOT_ALLOWED', '接口不支持该请求方法');
      }
    } catch (error) {
      if (error instanceof SandboxError) {
        sendError(ctx, error.status, error.code, error.message, error.details);
        return;
      }
      const bodyError = bodyErrorFor(error as HttpLikeError);
      if (bodyError) {
        sendError(ctx, bodyError.status, bodyError.code, bodyError.message);
        return;
      }
      logger.error({ err: error, route: ctx._matchedRoute, requestId: ctx.state.requestId }, 'unexpected error');
      sendError(ctx, 500, 'INTERNAL_ERROR', '平台服务内部错误');
    }
  };
}
