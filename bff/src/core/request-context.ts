// Request id (X-Request-Id in and out), the start of the request's time budget, error answers in
// the contract's shape, and one access-log line per request. The path is logged without its query
// string; the user is named by id only.
import { randomUUID } from 'node:crypto';
import type { Context, Next } from 'koa';
import { startBudget } from './budget';
import { answerError, answerIfUnmatched } from './errors';
import type { Logger } from './logger';

const INCOMING_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function requestContext(logger: Logger, budgetMs: number) {
  return async function withRequestContext(ctx: Context, next: Next) {
    startBudget(ctx, budgetMs);
    const incoming = ctx.get('x-request-id');
    const requestId = INCOMING_ID.test(incoming) ? incoming : randomUUID();
    ctx.state.requestId = requestId;
    ctx.set('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    // Error answers are made here rather than in a layer of their own (one async layer fewer on
    // every request); every answer, failed or not, then reaches the access log below.
    try {
      await next();
      answerIfUnmatched(ctx);
    } catch (error) {
      answerError(ctx, error);
    } finally {
      const failure = ctx.state.unexpectedError ?? ctx.state.upstreamError;
      const level = ctx.state.unexpectedError ? 'error' : ctx.state.upstreamError ? 'warn' : 'info';
      // The line is only built when it will be written (busy deployments log at warn).
      if (logger.isLevelEnabled(level)) {
        const line = {
          requestId,
          method: ctx.method,
          path: ctx.path,
          status: ctx.status,
          ms: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
          userId: ctx.state.session?.userId,
          errorCode: ctx.state.errorCode,
          ...(failure ? { err: failure } : {}),
        };
        logger[level](
          line,
          level === 'error' ? 'request failed' : level === 'warn' ? 'platform call failed' : 'request',
        );
      }
    }
  };
}
