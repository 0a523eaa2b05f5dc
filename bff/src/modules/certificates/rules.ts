// Certificate rules in one place (domain brief, "Certificates"), so a city can change them without
// touching the flows: the show-code practice, status and trust-level wording, and how long a
// list waits for a slow registry before answering without it.

/** Public practice for 亮证: a one-use code valid 300 seconds with a 6-digit PIN beside it. */
export const SHOW_CODE_TTL_SECONDS = 300;
export const SHOW_CODE_PIN_LENGTH = 6;
/** What a QR code carries: a versioned prefix and the one-use code. */
export const SHOW_CODE_QR_PREFIX = 'BMSC1:';

/** A list answers without a registry that has not answered by then (with a notice). */
export const LIST_REGISTRY_DEADLINE_MS = 2500;

/** Verifying parties: attempts per account and per address in a window (PINs are guessable). */
export const VERIFY_LIMIT_PER_USER = 20;
export const VERIFY_LIMIT_PER_IP = 60;
export const VERIFY_WINDOW_SECONDS = 600;

export const TITLE_STATUS_TEXT = { NORMAL: '正常', MORTGAGED: '抵押', SEALED: '查封', OBJECTION: '异议' } as const;
export const LICENCE_STATUS_TEXT = { VALID: '有效', EXPIRED: '已过期', REVOKED: '已注销' } as const;
export type CertificateStatus = keyof typeof TITLE_STATUS_TEXT | keyof typeof LICENCE_STATUS_TEXT;
export const STATUS_TEXT: Record<CertificateStatus, string> = { ...TITLE_STATUS_TEXT, ...LICENCE_STATUS_TEXT };
/** Statuses that restrict what the holder can do with the item: shown as needing attention. */
export const ATTENTION_STATUSES: readonly CertificateStatus[] = ['SEALED', 'OBJECTION', 'EXPIRED', 'REVOKED'];

/** National technical guide for Internet + government services (2016), levels A to D. */
export const TRUST_LEVEL_TEXT = {
  A: 'A 级：发证机关签发，带电子印章',
  B: 'B 级：窗口人员核验',
  C: 'C 级：本人上传，须核验原件',
  D: 'D 级：本人承诺提供',
} as const;

export const CERTIFICATE_TYPES = [
  'REAL_ESTATE_TITLE',
  'ID_CARD',
  'HOUSEHOLD_REGISTER',
  'MARRIAGE',
  'GRADUATION',
] as const;
export type CertificateType = (typeof CERTIFICATE_TYPES)[number];
export const TYPE_NAME: Record<CertificateType, string> = {
  REAL_ESTATE_TITLE: '不动产权证书',
  ID_CARD: '居民身份证',
  HOUSEHOLD_REGISTER: '居民户口簿',
  MARRIAGE: '结婚证',
  GRADUATION: '毕业证书',
};

/**
 * Certificate ids the BFF hands out: the registry and its record id. Guessing one is pointless:
 * every read goes to the registry in the caller's own name and answers 404 for anyone else's.
 */
export const CERTIFICATE_ID = /^(re_T\d{7}|lic_L\d{8})$/;
export const titleCertificateId = (titleId: string) => `re_${titleId}`;
export const licenceCertificateId = (licenceId: string) => `lic_${licenceId}`;
export function parseCertificateId(id: string): { registry: 'realestate' | 'licence'; recordId: string } | null {
  if (!CERTIFICATE_ID.test(id)) return null;
  return id.startsWith('re_')
    ? { registry: 'realestate', recordId: id.slice(3) }
    : { registry: 'licence', recordId: id.slice(4) };
}

export const REGISTRY_NAME = { realestate: '不动产登记系统', licence: '电子证照库' } as const;
export const REGISTRY_MISSING_TEXT = {
  realestate: '不动产登记系统暂时无法访问，房产证书暂未显示，请稍后刷新',
  licence: '电子证照库暂时无法访问，电子证照暂未显示，请稍后刷新',
} as const;
