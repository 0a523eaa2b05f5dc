// Which materials of an item's guide are fetched from the registries for this applicant and
// which must be uploaded ("let information run the errands"): a material is asked of the
// resident only when no service holds it, or when the registry has no record for them.
import type { GuideMaterial } from '../../platform/catalogue';
import type { Decision, MoveCategory } from '../../rules/move-categories';
import type { ApplicantContext } from './facts';
import type { FetchedMaterial } from './model';

export type MaterialMode = 'fetch' | 'upload';

export interface PlannedMaterial {
  key: string;
  name: string;
  source: GuideMaterial['source'];
  licenceType?: string;
  mode: MaterialMode;
  note: string;
}

export const SOURCE_NAMES: Record<string, string> = {
  household: '户籍系统',
  realestate: '不动产登记',
  licence: '电子证照库',
  education: '学籍学历系统',
  'social-insurance': '社会保险系统',
  upload: '本人上传',
};

/** Services this BFF can fetch from; a material held by another service is uploaded until it is connected. */
const CONNECTED: ReadonlySet<string> = new Set(['household', 'realestate', 'licence', 'social-insurance']);

export function planMaterials(
  guide: readonly GuideMaterial[],
  decision: Pick<Decision, 'extraUploads'> | null,
): PlannedMaterial[] {
  return guide.map((m) => ({
    key: m.key,
    name: m.name,
    source: m.source,
    ...(m.licenceType ? { licenceType: m.licenceType } : {}),
    mode:
      m.source === 'upload' || !CONNECTED.has(m.source) || decision?.extraUploads.includes(m.key) ? 'upload' : 'fetch',
    note: m.note,
  }));
}

/**
 * Fetches one material from its registry; null when the registry holds nothing for this person
 * (the material then has to be uploaded).
 */
export async function fetchMaterial(
  m: PlannedMaterial,
  ctx: ApplicantContext,
  category: MoveCategory,
  decision: Decision,
): Promise<FetchedMaterial | null> {
  const at = new Date().toISOString();
  const base = { key: m.key, name: m.name, source: m.source, fetchedAt: at };
  switch (m.source) {
    case 'licence': {
      const type = m.licenceType as 'ID_CARD' | 'HOUSEHOLD_REGISTER' | 'MARRIAGE' | 'GRADUATION';
      const licence = type === 'MARRIAGE' ? await ctx.marriageLicence() : await ctx.licenceOf(type);
      return licence
        ? { ...base, trustLevel: licence.trustLevel, reference: licence.licenceId, issuer: licence.issuer }
        : null;
    }
    case 'realestate': {
      const title = (await ctx.titles()).find((t) => t.titleId === decision.titleId);
      return title
        ? { ...base, trustLevel: title.trustLevel, reference: title.certificateNumber, issuer: title.issuer }
        : null;
    }
    case 'household': {
      if (m.key === 'HOUSEHOLD_RECORD') {
        const r = await ctx.record();
        return { ...base, trustLevel: r.trustLevel, reference: r.household.householdNumber, issuer: r.issuer };
      }
      const k = await ctx.kinship();
      if (!k?.relative) return null;
      if (m.key === 'HOST_HOUSEHOLD')
        return {
          ...base,
          trustLevel: 'A',
          reference: k.relative.household.householdNumber,
          issuer: k.relative.household.policeStation,
        };
      if (m.key === 'RELATION_PROOF' && k.relation !== 'NONE') {
        return {
          ...base,
          trustLevel: 'A',
          reference: k.basis === 'MARRIAGE_REGISTER' ? '婚姻登记' : '户籍登记亲属关系',
          issuer: k.relative.household.policeStation,
        };
      }
      return null;
    }
    case 'social-insurance': {
      const ins = await ctx.insurance();
      if (!ins || ins.status !== 'ACTIVE') return null;
      return {
        ...base,
        trustLevel: ins.trustLevel,
        reference: `${ins.city ?? ''} 连续缴费 ${ins.continuousMonths} 个月`,
        issuer: ins.issuer,
      };
    }
    default:
      void category;
      return null;
  }
}
