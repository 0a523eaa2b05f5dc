// Builds the certificates module from the app's shared pieces. Its own settings come from the
// environment (SHOW_CODE_TTL_SECONDS, CERTIFICATE_LIST_DEADLINE_MS), defaulting to the rules.
import type { Connection } from 'mongoose';
import { z } from 'zod';
import type { Logger } from '../../core/logger';
import type { PiiCrypto } from '../../core/pii-crypto';
import type { RateLimiter } from '../../core/rate-limit';
import type { Platform } from '../../platform';
import { LicenceClient } from '../../platform/licence';
import { RealEstateClient } from '../../platform/realestate';
import type { AccountService } from '../accounts/service';
import { AccessLog } from './access-log';
import { accessModel, showCodeModel } from './model';
import { LIST_REGISTRY_DEADLINE_MS, SHOW_CODE_TTL_SECONDS } from './rules';
import { CertificateService, type CertificateSettings } from './service';

export { registerCertificateRoutes } from './routes';

const settingsSchema = z.object({
  SHOW_CODE_TTL_SECONDS: z.coerce.number().int().min(1).max(3600).default(SHOW_CODE_TTL_SECONDS),
  CERTIFICATE_LIST_DEADLINE_MS: z.coerce.number().int().min(100).max(30_000).default(LIST_REGISTRY_DEADLINE_MS),
});

export function certificateSettings(env: NodeJS.ProcessEnv = process.env): CertificateSettings {
  const parsed = settingsSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')),
  );
  if (!parsed.success)
    throw new Error(
      `证照设置有误 / invalid certificate settings: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`,
    );
  return {
    showCodeTtlSeconds: parsed.data.SHOW_CODE_TTL_SECONDS,
    listDeadlineMs: parsed.data.CERTIFICATE_LIST_DEADLINE_MS,
  };
}

export interface CertificateModuleDeps {
  store: Connection;
  platform: Pick<Platform, 'http'>;
  accounts: AccountService;
  crypto: PiiCrypto;
  limiter: RateLimiter;
  logger: Logger;
  now?: () => Date;
}

export function createCertificateService(deps: CertificateModuleDeps): CertificateService {
  return new CertificateService({
    accounts: deps.accounts,
    fingerprint: (value) => deps.crypto.fingerprint(value),
    limiter: deps.limiter,
    showCodes: showCodeModel(deps.store),
    accessLog: new AccessLog(accessModel(deps.store)),
    realEstate: new RealEstateClient(deps.platform.http),
    licences: new LicenceClient(deps.platform.http),
    logger: deps.logger,
    settings: certificateSettings(),
    now: deps.now,
  });
}
