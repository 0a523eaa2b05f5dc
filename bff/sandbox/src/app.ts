// Assembles the sandbox: middleware in order, then every module's operations.
import { bodyParser } from '@koa/bodyparser';
import Router from '@koa/router';
import Koa from 'koa';
import { requirePlatformKey } from './core/auth';
import type { Deps } from './core/deps';
import { errorHandler } from './core/errors';
import { buildDocument, createRegistry } from './core/openapi';
import { requestLogger } from './core/logger';
import { MODULES } from './modules';

export const BODY_LIMIT = '64kb';

export function createApp(deps: Deps): Koa {
  const app = new Koa();
  const router = new Router();
  const registry = createRegistry();
  for (const register of MODULES) register({ router, registry }, deps);

  const document = buildDocument(registry);
  router.get('/v1/openapi.json', (ctx) => {
    ctx.body = document;
  });
  router.get('/healthz', (ctx) => {
    ctx.body = { ok: true };
  });

  const checkKey = requirePlatformKey(deps.config.platformKey);
  app.use(requestLogger(deps.logger));
  app.use(errorHandler(deps.logger));
  app.use(deps.faults.middleware());
  app.use(async (ctx, next) => {
    // /v1 is the platform API (key required); /sandbox helpers and the documents are open.
    if (ctx.path.startsWith('/v1/') && ctx.path !== '/v1/openapi.json') return checkKey(ctx, next);
    return next();
  });
  app.use(bodyParser({ enableTypes: ['json'], jsonLimit: BODY_LIMIT, encoding: 'utf-8' }));
  app.use(router.routes());
  app.use(router.allowedMethods());
  return app;
}
