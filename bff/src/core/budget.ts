// A time budget per incoming request: every platform call made while handling it gets at most
// what is left, so a slow platform still yields an answer (504) within the budget. The deadline
// travels explicitly (ctx.state.deadline -> service -> client) rather than through
// AsyncLocalStorage, whose promise hooks would slow every request of the process.
import type { Context } from 'koa';

/** What a platform call needs to know about the request it serves. */
export interface CallOptions {
  /** Epoch milliseconds by which the whole request must be answered. */
  deadline?: number;
}

/** Starts the budget of a request (called by the request context, first thing per request). */
export function startBudget(ctx: Context, budgetMs: number): void {
  ctx.state.deadline = Date.now() + budgetMs;
}

/** The call options of the current request, for handlers to pass to services. */
export function callOptions(ctx: Context): CallOptions {
  return { deadline: ctx.state.deadline as number | undefined };
}
