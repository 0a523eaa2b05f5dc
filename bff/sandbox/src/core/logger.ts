// pino to stderr (stdout carries only the ready line). Request logs name the route pattern,
// never the raw path or query, so tokens and codes in URLs stay out of the logs.
import { randomUUID } from 'node:crypto';
import type { Context, Next } from 'koa';
import pino, { type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'sandbox' } }, pino.destination(2));
}

export function requestLogger(logger: Logger) {
  return async (ctx: Context, next: Next): Promise<void> => {
    const started = process.hrtime.bigint();
    const given = ctx.get('X-Request-Id');
    ctx.state.requestId = /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    ctx.set('X-Request-Id', ctx.state.requestId);
    try {
      await next();
    } finally {
      logger.info(
        {
          requestId: ctx.state.requestId,
          method: ctx.method,
          route: ctx._matchedRoute ?? 'unmatched',
          status: ctx.respond === false ? 'reset' : ctx.status,
          ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        },
        'request',
      );
    }
  };
}
