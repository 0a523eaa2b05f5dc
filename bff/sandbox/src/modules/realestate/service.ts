// The real-estate registry (不动产登记): titles looked up for a holder. Every read names the holder
// by ID number and answers 404 for a title the holder is not an obligee of, so a caller cannot
// learn that someone else's title exists. Status changes are a sandbox helper for tests and demos.
import { validateIdNumber } from '../../../../src/rules/id-number';
import type { Deps } from '../../core/deps';
import { SandboxError } from '../../core/errors';
import { addDays, addYears, toDay } from '../../seed/dates';
import type { TitleRecord, TitleStatus } from '../../seed/types';

/** Electronic title certificates come from the registration agency with its e-seal: level A. */
export const TITLE_TRUST_LEVEL = 'A';

/** Internal ids look like T0000001; anything else is read as a certificate number. */
const TITLE_ID = /^T\d{7}$/;

const titleNotFound = () => new SandboxError(404, 'TITLE_NOT_FOUND', '未找到该权利人名下的不动产权证书');

export interface StatusChange {
  status: TitleStatus;
  mortgagee?: string;
  amountYuan?: number;
  authority?: string;
  caseNumber?: string;
  applicant?: string;
}

export function createRealEstateService({ models, clock }: Deps) {
  function checkedIdNumber(raw: string): string {
    const parsed = validateIdNumber(raw, clock.now());
    if (!parsed.ok) throw new SandboxError(400, 'INVALID_ID_NUMBER', parsed.message, { reason: parsed.code });
    return parsed.value;
  }

  const refFilter = (ref: string) => (TITLE_ID.test(ref) ? { _id: ref } : { certificateNumber: ref.trim() });

  function present(title: TitleRecord) {
    return {
      titleId: title._id,
      certificateNumber: title.certificateNumber,
      unitNumber: title.unitNumber,
      city: title.city,
      issuer: title.issuer,
      obligees: title.obligees.map((o) => ({ name: o.name, idNumber: o.idNumber, share: o.share ?? null })),
      coOwnership: title.coOwnership,
      location: title.location,
      rightType: title.rightType,
      use: title.use,
      area: title.area,
      landArea: title.landArea,
      term: title.term,
      registeredAt: title.registeredAt,
      status: title.status,
      mortgage: title.mortgage ?? null,
      seal: title.seal ?? null,
      objection: title.objection ?? null,
      trustLevel: TITLE_TRUST_LEVEL,
    };
  }

  async function findForHolder(rawIdNumber: string, ref: string) {
    const idNumber = checkedIdNumber(rawIdNumber);
    const title = await models.Title.findOne({ ...refFilter(ref), 'obligees.idNumber': idNumber }).lean<TitleRecord>();
    if (!title) throw titleNotFound();
    return title;
  }

  /** The details that go with a status, filled with plausible defaults when the caller gives none. */
  function detailsFor(change: StatusChange, title: TitleRecord): Partial<TitleRecord> {
    const today = toDay(clock.now());
    const cleared = { mortgage: null, seal: null, objection: null };
    switch (change.status) {
      case 'NORMAL':
        return { status: 'NORMAL', ...cleared };
      case 'MORTGAGED':
        return {
          status: 'MORTGAGED',
          ...cleared,
          mortgage: {
            mortgagee: change.mortgagee ?? '中国工商银行股份有限公司',
            amountYuan: change.amountYuan ?? 1_000_000,
            from: today,
            to: addDays(addYears(today, 20), -1),
            proofNumber: title.certificateNumber.replace('不动产权第', '不动产证明第'),
          },
        };
      case 'SEALED':
        return {
          status: 'SEALED',
          ...cleared,
          mortgage: title.mortgage ?? null,
          seal: {
            authority: change.authority ?? `${title.city}中级人民法院`,
            caseNumber: change.caseNumber ?? `(${today.slice(0, 4)})执${Number(title._id.slice(1)) % 10000}号`,
            from: today,
            to: addDays(addYears(today, 3), -1),
          },
        };
      case 'OBJECTION':
        return {
          status: 'OBJECTION',
          ...cleared,
          mortgage: title.mortgage ?? null,
          objection: { applicant: change.applicant ?? '利害关系人', registeredAt: today },
        };
    }
  }

  return {
    present,

    async listForHolder(rawIdNumber: string) {
      const idNumber = checkedIdNumber(rawIdNumber);
      const titles = await models.Title.find({ 'obligees.idNumber': idNumber }).sort({ _id: 1 }).lean<TitleRecord[]>();
      return { titles: titles.map(present), checkedAt: clock.now().toISOString() };
    },

    async getForHolder(rawIdNumber: string, ref: string) {
      return present(await findForHolder(rawIdNumber, ref));
    },

    async coOwners(rawIdNumber: string, ref: string) {
      const title = await findForHolder(rawIdNumber, ref);
      return { titleId: title._id, coOwnership: title.coOwnership, obligees: present(title).obligees };
    },

    /** Sandbox helper: move a title to another status (one conditional update on the title). */
    async setStatus(ref: string, change: StatusChange) {
      const title = await models.Title.findOne(refFilter(ref)).lean<TitleRecord>();
      if (!title) throw new SandboxError(404, 'TITLE_NOT_FOUND', '不动产权证书不存在');
      const updated = await models.Title.findOneAndUpdate(
        { _id: title._id },
        { $set: detailsFor(change, title) },
        { returnDocument: 'after' },
      ).lean<TitleRecord>();
      if (!updated) throw new SandboxError(404, 'TITLE_NOT_FOUND', '不动产权证书不存在');
      return present(updated);
    },
  };
}
