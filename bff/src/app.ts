// Assembles the BFF: middleware in order, then the module routers. Nothing else happens here.
import cors from '@koa/cors';
import Koa from 'koa';
import serve from 'koa-static';
import type { Connection } from 'mongoose';
import type { Config } from './config';
import { actableOperation, actingAuthentication, ASSIST_GRANT_HEADER } from './core/acting';
import { checkAccess, signIn } from './core/auth';
import type { Logger } from './core/logger';
import { Api } from './core/openapi';
import { jsonBodyParser } from './core/json-body';
import { createPiiCrypto } from './core/pii-crypto';
import { RateLimiter } from './core/rate-limit';
import { requestContext } from './core/request-context';
import { responseHeaders } from './core/security-headers';
import { accountModel } from './modules/accounts/model';
import { AccountService } from './modules/accounts/service';
import { registerApplicationRoutes } from './modules/applications/routes';
import { registerAppointmentRoutes } from './modules/appointments/routes';
import { createAssistService, registerAssistRoutes } from './modules/assist/routes';
import { smsCodeModel } from './modules/auth/model';
import { registerAuthRoutes } from './modules/auth/routes';
import { AuthService } from './modules/auth/service';
import { createCertificateService, registerCertificateRoutes } from './modules/certificates';
import { registerCatalogueRoutes } from './modules/catalogue/routes';
import { CatalogueService } from './modules/catalogue/service';
import { registerHealthRoutes } from './modules/health/routes';
import { faceCheckModel } from './modules/identity/model';
import { registerIdentityRoutes } from './modules/identity/routes';
import { registerFeedbackRoutes } from './modules/questions';
import { IdentityService } from './modules/identity/service';
import { registerMoveRoutes } from './modules/moves/routes';
import { sessionModel } from './modules/sessions/model';
import { SessionService } from './modules/sessions/service';
import type { Platform } from './platform';
import { CatalogueClient } from './platform/catalogue';

export interface AppDeps {
  config: Config;
  store: Connection;
  logger: Logger;
  platform: Platform;
}

export function createApp({ config, store, logger, platform }: AppDeps): Koa {
  const crypto = createPiiCrypto(config.piiKey);
  const limiter = new RateLimiter(store);
  const sessions = new SessionService(sessionModel(store), config.sessions);
  const accounts = new AccountService(accountModel(store), crypto);
  const auth = new AuthService({
    limits: config.limits,
    codes: smsCodeModel(store),
    limiter,
    crypto,
    accounts,
    sessions,
    platform,
  });
  const identity = new IdentityService({
    config,
    limiter,
    crypto,
    accounts,
    sessions,
    faceChecks: faceCheckModel(store),
    platform,
    logger,
  });

  const assist = createAssistService({ store, platform, accounts, crypto, logger });

  // A guide's request under a proxy grant runs as the resident on operations that declare it.
  const api: Api = new Api({
    parseJsonBody: jsonBodyParser(config.bodyLimitBytes),
    authenticate: actingAuthentication(signIn(sessions), assist, (id) => actableOperation(api, id)),
    authorize: checkAccess,
  });
  registerHealthRoutes(api, {
    store,
    platform,
    publicPlatformUrl: config.platform.publicUrl,
    readyTimeoutMs: config.platform.readyTimeoutMs,
  });
  registerAuthRoutes(api, auth);
  registerIdentityRoutes(api, identity);
  registerCertificateRoutes(
    api,
    createCertificateService({
      store,
      platform,
      accounts,
      crypto,
      limiter,
      logger,
      settings: config.certificates,
    }),
  );
  registerAppointmentRoutes(api, { store, platform, accounts, logger });
  const catalogue = new CatalogueService(new CatalogueClient(platform.http));
  registerCatalogueRoutes(api, catalogue);
  const moves = registerMoveRoutes(api, { store, platform, catalogue, accounts, crypto, logger });
  registerApplicationRoutes(api, moves);
  registerFeedbackRoutes(api, { store, platform, accounts, moves, logger });
  registerAssistRoutes(api, assist);
  const openapi = api.document({
    title: '便民 BFF',
    version: '1.0.0',
    description: '便民小程序与 H5 的后端接口。错误统一为 {"error":{"code","message"},"requestId"}。',
  });
  api.router.get('/api/openapi.json', (ctx) => {
    ctx.body = openapi;
  });

  const app = new Koa({ proxy: config.trustProxy });
  app.use(requestContext(logger, config.platform.requestBudgetMs));
  const crossOrigin = cors({
    origin:
      config.corsOrigins === '*'
        ? '*'
        : (ctx) => (config.corsOrigins.includes(ctx.get('origin')) ? ctx.get('origin') : ''),
    allowHeaders: ['Authorization', 'Content-Type', 'X-Request-Id', ASSIST_GRANT_HEADER],
    exposeHeaders: ['X-Request-Id', 'Retry-After'],
    maxAge: 600,
  });
  app.use(responseHeaders(crossOrigin));
  app.use(api.routes());
  app.use(api.router.allowedMethods({ throw: true }));
  if (config.staticDir) app.use(serve(config.staticDir, { index: 'index.html', maxage: 0 }));
  app.on('error', (error: unknown) => logger.debug({ err: error }, 'connection error'));
  return app;
}
