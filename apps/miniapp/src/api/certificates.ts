// Certificate operations of the BFF (operationIds in comments): the resident's titles and
// licences, one in full, show codes, verification by a third party, and the access record.
import { request } from './client';

export type CertificateStatus = 'NORMAL' | 'MORTGAGED' | 'SEALED' | 'OBJECTION' | 'VALID' | 'EXPIRED' | 'REVOKED';
export type CertificateType = 'REAL_ESTATE_TITLE' | 'ID_CARD' | 'HOUSEHOLD_REGISTER' | 'MARRIAGE' | 'GRADUATION';

export interface CertificateSummary {
  id: string;
  type: CertificateType;
  typeName: string;
  title: string;
  number: string;
  issuer: string;
  status: CertificateStatus;
  statusText: string;
  needsAttention: boolean;
  trustLevel: 'A' | 'B' | 'C' | 'D';
  trustLevelText: string;
  subtitle: string;
  relation: 'OWNER' | 'CO_OWNER' | 'HOLDER';
  share: string | null;
}

export interface CertificateList {
  items: CertificateSummary[];
  partial: boolean;
  notices: Array<{ service: 'realestate' | 'licence'; message: string }>;
}

export interface CertificateField {
  key: string;
  label: string;
  value: string;
  masked: boolean;
  section: 'basic' | 'parties' | 'mortgage' | 'seal' | 'objection' | 'details';
}

export interface CertificateDetail extends CertificateSummary {
  revealed: boolean;
  fields: CertificateField[];
}

export interface ShowCode {
  code: string;
  pin: string;
  qrPayload: string;
  qrImage: string;
  createdAt: string;
  expiresAt: string;
  ttlSeconds: number;
  certificate: CertificateSummary;
}

export interface ShowCodeVerification {
  authentic: boolean;
  authenticity: 'AUTHENTIC' | 'EXPIRED' | 'REVOKED' | 'NOT_IN_REGISTRY';
  authenticityText: string;
  checkedAt: string;
  certificate:
    (Omit<CertificateSummary, 'id' | 'subtitle' | 'relation' | 'share'> & { fields: CertificateField[] }) | null;
}

export interface AccessEntry {
  id: string;
  at: string;
  action: string;
  actionText: string;
  certificateId: string | null;
  certificateTitle: string | null;
  actor: string;
  relation: 'SELF' | 'CO_OWNER' | 'VERIFIER';
}

/** listCertificates: a partial answer is normal (one registry down); the page shows its notices. */
export function listCertificates(): Promise<CertificateList> {
  return request('/certificates', { quiet: ['LEVEL_REQUIRED'] });
}

/** getCertificate; `reveal` needs a fresh face check (403 LEVEL_REQUIRED otherwise, handled by the page). */
export function getCertificate(id: string, reveal = false): Promise<CertificateDetail> {
  return request(`/certificates/${encodeURIComponent(id)}${reveal ? '?reveal=true' : ''}`, {
    quiet: ['LEVEL_REQUIRED', 'CERTIFICATE_NOT_FOUND'],
  });
}

/** createShowCode (needs FACE_CHECKED). */
export function createShowCode(id: string): Promise<ShowCode> {
  return request(`/certificates/${encodeURIComponent(id)}/show-codes`, {
    method: 'POST',
    data: {},
    quiet: ['LEVEL_REQUIRED'],
  });
}

/** verifyShowCode: by the scanned content or the 6-digit PIN; the page shows every refusal itself. */
export function verifyShowCode(input: { code: string } | { pin: string }): Promise<ShowCodeVerification> {
  return request('/show-code-verifications', { method: 'POST', data: input, quiet: true });
}

/** listCertificateAccess */
export function listCertificateAccess(before?: string): Promise<{ entries: AccessEntry[]; nextBefore: string | null }> {
  return request(`/certificate-access?limit=30${before ? `&before=${encodeURIComponent(before)}` : ''}`);
}
