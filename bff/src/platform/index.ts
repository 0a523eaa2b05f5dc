// The platform clients, built once per process on one shared HTTP base.
import type { Config } from '../config';
import type { Logger } from '../core/logger';
import { PlatformHttp } from './http';
import { IdentityClient } from './identity';
import { SmsClient } from './sms';
import { StaffClient } from './staff';
import { WechatClient } from './wechat';

export interface Platform {
  http: PlatformHttp;
  wechat: WechatClient;
  sms: SmsClient;
  identity: IdentityClient;
  staff: StaffClient;
  /** Whether the platform gateway answers its health check. */
  isReachable(): Promise<boolean>;
  close(): Promise<void>;
}

export function createPlatform(config: Pick<Config, 'platform' | 'wechat'>, logger: Logger): Platform {
  const { platform } = config;
  const http = new PlatformHttp({
    baseUrl: platform.url,
    key: platform.key,
    callTimeoutMs: platform.callTimeoutMs,
    requestBudgetMs: platform.requestBudgetMs,
    breakerResetMs: platform.breakerResetMs,
    logger,
  });
  return {
    http,
    wechat: new WechatClient(http, config.wechat),
    sms: new SmsClient(http),
    identity: new IdentityClient(http),
    staff: new StaffClient(http),
    // The gateway's health page, and one keyed /v1 call (proves the key works and the services
    // answer: a look-up of a well-formed number answers 200 or 404 when all is well).
    isReachable: async () => {
      const [health, keyed] = await Promise.all([
        http.probe('/healthz', platform.readyTimeoutMs),
        http.probe('/v1/staff/by-mobile/13000000000', platform.readyTimeoutMs, { keyed: true, accept: [200, 404] }),
      ]);
      return health && keyed;
    },
    close: () => http.close(),
  };
}
