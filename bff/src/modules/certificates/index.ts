// Builds the certificates module from the app's shared pieces. Its settings (show-code lifetime,
// list deadline) are parsed with the rest of the environment in config.ts.
import type { Connection } from 'mongoose';
import type { Logger } from '../../core/logger';
import type { PiiCrypto } from '../../core/pii-crypto';
import type { RateLimiter } from '../../core/rate-limit';
import type { Platform } from '../../platform';
import { LicenceClient } from '../../platform/licence';
import { RealEstateClient } from '../../platform/realestate';
import type { AccountService } from '../accounts/service';
import { AccessLog } from './access-log';
import { accessModel, showCodeModel } from './model';
import { CertificateService, type CertificateSettings } from './service';

export { registerCertificateRoutes } from './routes';

export interface CertificateModuleDeps {
  store: Connection;
  platform: Pick<Platform, 'http'>;
  accounts: AccountService;
  crypto: PiiCrypto;
  limiter: RateLimiter;
  logger: Logger;
  settings: CertificateSettings;
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
    settings: deps.settings,
    now: deps.now,
  });
}
