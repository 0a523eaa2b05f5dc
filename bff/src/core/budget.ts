// A time budget per incoming request: every platform call made while handling it gets at most
// what is left, so a slow platform still yields an answer (504) within the budget.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Context, Next } from 'koa';

interface Budget {
  deadline: number;
}

const storage = new AsyncLocalStorage<Budget>();

export function requestBudget(budgetMs: number) {
  return function withBudget(_ctx: Context, next: Next) {
    return storage.run({ deadline: Date.now() + budgetMs }, next);
  };
}

/** Milliseconds left for the current request, or `fallback` outside a request. */
export function remainingBudgetMs(fallback: number): number {
  const budget = storage.getStore();
  return budget ? budget.deadline - Date.now() : fallback;
}
