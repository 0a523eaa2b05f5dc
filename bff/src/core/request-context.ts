// Request id (X-Request-Id in and out) and one access-log line per request. The path is logged
// without its query string; the user is named by id only.
import { randomUUID } from 'node:crypto';
import type { Context, Next } from 'koa';
import type { Logger } from './logger';

const INCOMING_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function requestContext(logger: Logger) {
  return async function withRequestContext(ctx: Context, next: Next) {
    const incoming = ctx.get('x-request-id');
    const requestId = INCOMING_ID.test(incoming) ? incoming : randomUUID();
    ctx.state.requestId = requestId;
    ctx.set('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    try {
      await next();
    } finally {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const line = {
        requestId,
        method: ctx.method,
        path: ctx.path,
        status: ctx.status,
        ms: Math.round(ms * 10) / 10,
        userId: ctx.state.session?.userId,
        errorCode: ctx.state.errorCode,
      };
      if (ctx.state.unexpectedError) logger.error({ ...line, err: ctx.state.unexpectedError }, 'request failed');
      else if (ctx.state.upstreamError) logger.warn({ ...line, err: ctx.state.upstreamError }, 'platform call failed');
      else logger.info(line, 'request');
    }
  };
}
