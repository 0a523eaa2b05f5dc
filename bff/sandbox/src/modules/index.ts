// The sandbox's modules. A new platform service (certificates, appointments, household cases)
// adds its folder under modules/ and one line here.
import type { SandboxModule } from '../core/deps';
import { appointmentRoutes } from './appointments/routes';
import { caseRoutes } from './cases/routes';
import { catalogueRoutes } from './catalogue/routes';
import { householdRoutes } from './household/routes';
import { faqRoutes } from './faq/routes';
import { identityRoutes } from './identity/routes';
import { licenceRoutes } from './licence/routes';
import { realEstateRoutes } from './realestate/routes';
import { sandboxRoutes } from './sandbox/routes';
import { smsRoutes } from './sms/routes';
import { staffRoutes } from './staff/routes';
import { wechatRoutes } from './wechat/routes';

export const MODULES: SandboxModule[] = [
  wechatRoutes,
  smsRoutes,
  identityRoutes,
  staffRoutes,
  realEstateRoutes,
  licenceRoutes,
  appointmentRoutes,
  catalogueRoutes,
  householdRoutes,
  caseRoutes,
  faqRoutes,
  sandboxRoutes,
];
