// Every mongoose model of the sandbox, bound to its own connection (never the global default).
import type { Connection } from 'mongoose';
import { hallModels } from './modules/hall/model';
import { identityModels } from './modules/identity/model';
import { licenceModels } from './modules/licence/model';
import { populationModels } from './modules/population/model';
import { realEstateModels } from './modules/realestate/model';
import { smsModels } from './modules/sms/model';
import { staffModels } from './modules/staff/model';
import { wechatModels } from './modules/wechat/model';
import { seedModels } from './seed/store';

export function createModels(conn: Connection) {
  return {
    ...seedModels(conn),
    ...populationModels(conn),
    ...realEstateModels(conn),
    ...licenceModels(conn),
    ...hallModels(conn),
    ...staffModels(conn),
    ...wechatModels(conn),
    ...smsModels(conn),
    ...identityModels(conn),
  };
}

export type Models = ReturnType<typeof createModels>;
