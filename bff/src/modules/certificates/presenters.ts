// What leaves the server about a certificate, for the holder and for a verifying party. Masking
// follows the domain rules (rules/masking): names and ID numbers are masked unless they are the
// caller's own and the caller asked to reveal them after a fresh face check. Other people's
// data (co-owners, a spouse) is never shown in full, and a verifier only ever sees it masked.
import type { Licence } from '../../platform/licence';
import type { Title } from '../../platform/realestate';
import { maskIdNumber, maskName } from '../../rules/masking';
import {
  ATTENTION_STATUSES,
  STATUS_TEXT,
  TRUST_LEVEL_TEXT,
  TYPE_NAME,
  licenceCertificateId,
  titleCertificateId,
  type CertificateStatus,
  type CertificateType,
} from './rules';

export type Section = 'basic' | 'parties' | 'mortgage' | 'seal' | 'objection' | 'details';

export interface Field {
  key: string;
  label: string;
  value: string;
  /** True when the value shown is masked. */
  masked: boolean;
  section: Section;
}

export interface Viewer {
  /** The caller's own ID number (never sent back unless revealed). */
  idNumber: string;
  reveal: boolean;
}

const LONG_TERM = '长期';
const validity = (from: string, to: string | null) => `${from} 至 ${to ?? LONG_TERM}`;

function field(key: string, label: string, value: string, section: Section = 'basic', masked = false): Field {
  return { key, label, value, masked, section };
}

/** A name: in full only when it is the viewer's own and they asked to reveal it. */
function personName(
  key: string,
  label: string,
  name: string,
  own: boolean,
  reveal: boolean,
  section: Section = 'parties',
): Field {
  const show = own && reveal;
  return field(key, label, show ? name : maskName(name), section, !show);
}

function personIdNumber(
  key: string,
  label: string,
  idNumber: string,
  own: boolean,
  reveal: boolean,
  section: Section = 'parties',
): Field {
  const show = own && reveal;
  return field(key, label, show ? idNumber : maskIdNumber(idNumber), section, !show);
}

function common(type: CertificateType, status: CertificateStatus, trustLevel: keyof typeof TRUST_LEVEL_TEXT) {
  return {
    type,
    typeName: TYPE_NAME[type],
    status,
    statusText: STATUS_TEXT[status],
    needsAttention: ATTENTION_STATUSES.includes(status),
    trustLevel,
    trustLevelText: TRUST_LEVEL_TEXT[trustLevel],
  };
}

// ---- real-estate titles ------------------------------------------------------------------

export function titleSummary(title: Title, viewerIdNumber: string) {
  const own = title.obligees.find((o) => o.idNumber === viewerIdNumber);
  return {
    id: titleCertificateId(title.titleId),
    ...common('REAL_ESTATE_TITLE', title.status, title.trustLevel),
    title: TYPE_NAME.REAL_ESTATE_TITLE,
    number: title.certificateNumber,
    issuer: title.issuer,
    subtitle: title.location,
    relation: title.obligees.length > 1 ? ('CO_OWNER' as const) : ('OWNER' as const),
    share: own?.share ?? null,
  };
}

function titleEncumbrances(title: Title): Field[] {
  const out: Field[] = [];
  if (title.mortgage) {
    const m = title.mortgage;
    out.push(
      field('mortgagee', '抵押权人', m.mortgagee, 'mortgage'),
      field('mortgageAmount', '被担保债权数额', `${(m.amountYuan / 10_000).toLocaleString('zh-CN')} 万元`, 'mortgage'),
      field('mortgageTerm', '债务履行期限', validity(m.from, m.to), 'mortgage'),
      field('mortgageProof', '不动产登记证明号', m.proofNumber, 'mortgage'),
    );
  }
  if (title.seal) {
    out.push(
      field('sealAuthority', '查封机关', title.seal.authority, 'seal'),
      field('sealCase', '查封文号', title.seal.caseNumber, 'seal'),
      field('sealTerm', '查封期限', validity(title.seal.from, title.seal.to), 'seal'),
    );
  }
  if (title.objection) {
    out.push(
      field('objectionApplicant', '异议申请人', title.objection.applicant, 'objection'),
      field('objectionAt', '异议登记日期', title.objection.registeredAt, 'objection'),
    );
  }
  return out;
}

function titleParties(title: Title, viewer: Viewer | null): Field[] {
  return title.obligees.flatMap((o, i) => {
    const own = viewer !== null && o.idNumber === viewer.idNumber;
    const reveal = viewer?.reveal ?? false;
    const suffix = title.obligees.length > 1 ? String(i + 1) : '';
    const share = o.share ? [field(`obligee${i}Share`, `份额${suffix}`, o.share, 'parties')] : [];
    return [
      personName(`obligee${i}Name`, `权利人${suffix}${own ? '（本人）' : ''}`, o.name, own, reveal),
      personIdNumber(`obligee${i}IdNumber`, `证件号${suffix}`, o.idNumber, own, reveal),
      ...share,
    ];
  });
}

export function titleDetail(title: Title, viewer: Viewer) {
  return {
    ...titleSummary(title, viewer.idNumber),
    revealed: viewer.reveal,
    fields: [
      field('certificateNumber', '证书号', title.certificateNumber),
      field('unitNumber', '不动产单元号', title.unitNumber),
      field('location', '坐落', title.location),
      field('coOwnership', '共有情况', title.coOwnership),
      field('rightType', '权利类型', title.rightType),
      field('use', '用途', title.use),
      field('area', '建筑面积', `${title.area} 平方米`),
      field('term', '使用期限', validity(title.term.from, title.term.to)),
      field('registeredAt', '登记日期', title.registeredAt),
      field('issuer', '登记机构', title.issuer),
      ...titleParties(title, viewer),
      ...titleEncumbrances(title),
    ],
  };
}

/** For a verifying party: who holds it (masked), what and where it is, and what burdens it. */
export function titleForVerifier(title: Title) {
  return {
    ...common('REAL_ESTATE_TITLE', title.status, title.trustLevel),
    title: TYPE_NAME.REAL_ESTATE_TITLE,
    number: title.certificateNumber,
    issuer: title.issuer,
    fields: [
      field('certificateNumber', '证书号', title.certificateNumber),
      field('location', '坐落', title.location),
      field('coOwnership', '共有情况', title.coOwnership),
      field('area', '建筑面积', `${title.area} 平方米`),
      field('use', '用途', title.use),
      ...titleParties(title, null),
      ...titleEncumbrances(title),
    ],
  };
}

// ---- electronic licences -----------------------------------------------------------------

/** An ID card's number is its holder's ID number: it is personal data like any other. */
function licenceNumber(licence: Licence, own: boolean, reveal: boolean): Field {
  if (licence.type === 'ID_CARD')
    return personIdNumber('licenceNumber', '证照编号', licence.licenceNumber, own, reveal, 'basic');
  return field('licenceNumber', '证照编号', licence.licenceNumber);
}

function licenceData(licence: Licence, forVerifier: boolean): Field[] {
  const d = licence.data;
  const f = (key: string, label: string) => (d[key] ? [field(key, label, d[key], 'details')] : []);
  switch (licence.type) {
    case 'ID_CARD':
      return forVerifier
        ? [...f('sex', '性别')]
        : [...f('sex', '性别'), ...f('ethnicity', '民族'), ...f('birthDate', '出生日期'), ...f('address', '住址')];
    case 'HOUSEHOLD_REGISTER':
      return forVerifier
        ? [...f('relation', '与户主关系'), ...f('householdType', '户别')]
        : [
            ...f('householdNumber', '户号'),
            ...f('householdType', '户别'),
            ...f('relation', '与户主关系'),
            ...f('address', '住址'),
          ];
    case 'MARRIAGE': {
      // The spouse's data is someone else's: masked for everyone, always.
      const spouse = d.spouseName ? [field('spouseName', '配偶姓名', maskName(d.spouseName), 'details', true)] : [];
      const spouseId =
        !forVerifier && d.spouseIdNumber
          ? [field('spouseIdNumber', '配偶身份证号', maskIdNumber(d.spouseIdNumber), 'details', true)]
          : [];
      return [...spouse, ...spouseId, ...f('registeredAt', '登记日期')];
    }
    case 'GRADUATION':
      return [
        ...f('university', '学校'),
        ...f('degree', '层次'),
        ...f('major', '专业'),
        ...f('graduatedOn', '毕业日期'),
      ];
  }
}

export function licenceSummary(licence: Licence, viewerIdNumber: string) {
  const own = licence.holderIdNumber === viewerIdNumber;
  return {
    id: licenceCertificateId(licence.licenceId),
    ...common(licence.type, licence.effectiveStatus, licence.trustLevel),
    title: licence.title,
    number: licenceNumber(licence, own, false).value,
    issuer: licence.issuer,
    subtitle: `有效期 ${validity(licence.validFrom, licence.validTo)}`,
    relation: 'HOLDER' as const,
    share: null,
  };
}

export function licenceDetail(licence: Licence, viewer: Viewer) {
  const own = licence.holderIdNumber === viewer.idNumber;
  const number = licenceNumber(licence, own, viewer.reveal);
  return {
    ...licenceSummary(licence, viewer.idNumber),
    number: number.value,
    revealed: viewer.reveal,
    fields: [
      number,
      personName('holderName', '持证人', licence.holderName, own, viewer.reveal),
      personIdNumber('holderIdNumber', '身份证号', licence.holderIdNumber, own, viewer.reveal),
      field('issuer', '发证机关', licence.issuer),
      field('issuedAt', '签发日期', licence.issuedAt),
      field('validity', '有效期', validity(licence.validFrom, licence.validTo)),
      ...licenceData(licence, false),
    ],
  };
}

export function licenceForVerifier(licence: Licence) {
  const number = licenceNumber(licence, false, false);
  return {
    ...common(licence.type, licence.effectiveStatus, licence.trustLevel),
    title: licence.title,
    number: number.value,
    issuer: licence.issuer,
    fields: [
      number,
      personName('holderName', '持证人', licence.holderName, false, false),
      personIdNumber('holderIdNumber', '身份证号', licence.holderIdNumber, false, false),
      field('issuer', '发证机关', licence.issuer),
      field('validity', '有效期', validity(licence.validFrom, licence.validTo)),
      ...licenceData(licence, true),
    ],
  };
}
