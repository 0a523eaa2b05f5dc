// The electronic-licence registry (电子证照库): a holder's licences with their trust levels
// (A: issued with the agency's e-seal; B: checked at a window; C: uploaded by the user; D: made
// under a signed promise). Reads name the holder by ID number and answer 404 for anyone else's
// licence. `effectiveStatus` is judged on the sandbox clock, so tests can let a licence lapse.
import { validateIdNumber } from '../../../../src/rules/id-number';
import type { Deps } from '../../core/deps';
import { SandboxError } from '../../core/errors';
import { toDay } from '../../seed/dates';
import type { LicenceRecord } from '../../seed/types';

export type EffectiveStatus = 'VALID' | 'EXPIRED' | 'REVOKED';

export function createLicenceService({ models, clock }: Deps) {
  function checkedIdNumber(raw: string): string {
    const parsed = validateIdNumber(raw, clock.now());
    if (!parsed.ok) throw new SandboxError(400, 'INVALID_ID_NUMBER', parsed.message, { reason: parsed.code });
    return parsed.value;
  }

  function effectiveStatus(licence: LicenceRecord, today: string): EffectiveStatus {
    if (licence.status === 'REVOKED') return 'REVOKED';
    if (licence.validTo && licence.validTo < today) return 'EXPIRED';
    return 'VALID';
  }

  function present(licence: LicenceRecord) {
    const now = clock.now();
    return {
      licenceId: licence._id,
      type: licence.type,
      title: licence.title,
      licenceNumber: licence.licenceNumber,
      holderName: licence.holderName,
      holderIdNumber: licence.holderIdNumber,
      issuer: licence.issuer,
      issuedAt: licence.issuedAt,
      validFrom: licence.validFrom,
      validTo: licence.validTo ?? null,
      trustLevel: licence.trustLevel,
      status: licence.status,
      effectiveStatus: effectiveStatus(licence, toDay(now)),
      data: licence.data ?? {},
      checkedAt: now.toISOString(),
    };
  }

  return {
    present,

    async listForHolder(rawIdNumber: string) {
      const idNumber = checkedIdNumber(rawIdNumber);
      const licences = await models.Licence.find({ holderIdNumber: idNumber }).sort({ _id: 1 }).lean<LicenceRecord[]>();
      return { licences: licences.map(present), checkedAt: clock.now().toISOString() };
    },

    async getForHolder(rawIdNumber: string, licenceId: string) {
      const idNumber = checkedIdNumber(rawIdNumber);
      const licence = await models.Licence.findOne({ _id: licenceId, holderIdNumber: idNumber }).lean<LicenceRecord>();
      if (!licence) throw new SandboxError(404, 'LICENCE_NOT_FOUND', '未找到该持证人名下的电子证照');
      return present(licence);
    },
  };
}
