// Builders shared by the random population and the hand-picked personas, so both produce
// records of exactly the same shape and rules (title numbers, unit numbers, licences).
import { addDays, addYears, ageOn, REFERENCE_DATE } from './dates';
import { civilAffairsOffice, findDistrict, policeOffice, realEstateBureau, titleIssuerName } from './divisions';
import type { LicenceRecord, ResidentRecord, TitleRecord, TrustLevel } from './types';

/** `粤(2021)广州市不动产权第0123456号` */
export function titleNumber(divisionCode: string, year: number, serial: number): string {
  const { city } = findDistrict(divisionCode);
  return `${city.provinceAbbreviation}(${year})${titleIssuerName(divisionCode)}不动产权第${String(serial).padStart(7, '0')}号`;
}

/** Mortgage registration proof: `粤(2021)广州市不动产证明第0012345号` */
export function proofNumber(divisionCode: string, year: number, serial: number): string {
  const { city } = findDistrict(divisionCode);
  return `${city.provinceAbbreviation}(${year})${titleIssuerName(divisionCode)}不动产证明第${String(serial).padStart(7, '0')}号`;
}

/**
 * 不动产单元号 (28 characters): division (6) + cadastral zone (3) + sub-zone (3) + land
 * feature code GB (state-owned construction land, 2) + parcel (5) + F (house, 1) + building (4) + unit (4).
 */
export function unitNumber(
  divisionCode: string,
  zone: number,
  subZone: number,
  parcel: number,
  building: number,
  unit: number,
): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${divisionCode}${pad(zone, 3)}${pad(subZone, 3)}GB${pad(parcel, 5)}F${pad(building, 4)}${pad(unit, 4)}`;
}

export interface TitleInput {
  id: string;
  divisionCode: string;
  year: number;
  serial: number;
  unit: { zone: number; subZone: number; parcel: number; building: number; unit: number };
  obligees: { person: ResidentRecord; share: string | null }[];
  coOwnership: TitleRecord['coOwnership'];
  location: string;
  area: number;
  builtOn: string;
  registeredAt: string;
  status: TitleRecord['status'];
  mortgage?: { mortgagee: string; amountYuan: number; years: number; proofSerial: number };
  sealCaseSerial?: number;
  objectionApplicant?: string;
}

export function buildTitle(input: TitleInput): TitleRecord {
  const { city, district } = findDistrict(input.divisionCode);
  const regYear = Number(input.registeredAt.slice(0, 4));
  return {
    _id: input.id,
    certificateNumber: titleNumber(input.divisionCode, input.year, input.serial),
    unitNumber: unitNumber(
      input.divisionCode,
      input.unit.zone,
      input.unit.subZone,
      input.unit.parcel,
      input.unit.building,
      input.unit.unit,
    ),
    divisionCode: input.divisionCode,
    city: city.name,
    issuer: realEstateBureau(input.divisionCode),
    obligees: input.obligees.map(({ person, share }) => ({
      personId: person._id,
      name: person.name,
      idNumber: person.idNumber,
      share,
    })),
    coOwnership: input.coOwnership,
    location: input.location,
    rightType: '国有建设用地使用权/房屋所有权',
    use: '城镇住宅用地/住宅',
    area: input.area,
    landArea: Math.round(input.area * 0.16 * 100) / 100,
    // Residential land use rights run 70 years from the grant.
    term: { from: input.builtOn, to: addDays(addYears(input.builtOn, 70), -1) },
    registeredAt: input.registeredAt,
    status: input.status,
    mortgage:
      input.status === 'MORTGAGED' && input.mortgage
        ? {
            mortgagee: input.mortgage.mortgagee,
            amountYuan: input.mortgage.amountYuan,
            from: input.registeredAt,
            to: addDays(addYears(input.registeredAt, input.mortgage.years), -1),
            proofNumber: proofNumber(input.divisionCode, regYear, input.mortgage.proofSerial),
          }
        : null,
    seal:
      input.status === 'SEALED'
        ? {
            authority: `${city.name}${district.name}人民法院`,
            // Case numbers name the court by the last four digits of its division: (2025)粤0106执1234号
            caseNumber: `(2025)${city.provinceAbbreviation}${input.divisionCode.slice(2)}执${input.sealCaseSerial ?? 1}号`,
            from: '2025-03-10',
            to: '2028-03-09',
          }
        : null,
    objection:
      input.status === 'OBJECTION'
        ? { applicant: input.objectionApplicant ?? '利害关系人', registeredAt: addDays(REFERENCE_DATE, -10) }
        : null,
  };
}

/** ID card validity by age at issue (GB: under 16: 5 years, 16-25: 10, 26-45: 20, 46+: long term). */
function idCardPeriodYears(ageAtIssue: number): number | null {
  if (ageAtIssue < 16) return 5;
  if (ageAtIssue <= 25) return 10;
  if (ageAtIssue <= 45) return 20;
  return null;
}

export function buildIdCard(id: string, person: ResidentRecord, issuedAt: string): LicenceRecord {
  const years = idCardPeriodYears(ageOn(person.birthDate, issuedAt));
  return {
    _id: id,
    type: 'ID_CARD',
    title: '居民身份证',
    licenceNumber: person.idNumber,
    holderId: person._id,
    holderName: person.name,
    holderIdNumber: person.idNumber,
    issuer: policeOffice(person.divisionCode),
    issuedAt,
    validFrom: issuedAt,
    validTo: years === null ? null : addYears(issuedAt, years),
    trustLevel: 'A',
    status: person.status === 'CANCELLED' ? 'REVOKED' : 'VALID',
    data: {
      sex: person.sex === 'M' ? '男' : '女',
      ethnicity: person.ethnicity,
      birthDate: person.birthDate,
      address: person.address,
    },
  };
}

export function buildHouseholdRegister(
  id: string,
  person: ResidentRecord,
  household: { householdNumber: string; address: string; relation: string; policeStation: string },
  issuedAt: string,
): LicenceRecord {
  return {
    _id: id,
    type: 'HOUSEHOLD_REGISTER',
    title: '居民户口簿',
    licenceNumber: household.householdNumber,
    holderId: person._id,
    holderName: person.name,
    holderIdNumber: person.idNumber,
    issuer: household.policeStation,
    issuedAt,
    validFrom: issuedAt,
    validTo: null,
    trustLevel: 'A',
    status: person.status === 'CANCELLED' ? 'REVOKED' : 'VALID',
    data: {
      householdNumber: household.householdNumber,
      relation: household.relation,
      address: household.address,
      householdType: '家庭户',
    },
  };
}

/** Marriage certificate number: J + registering office division + year + serial. */
export function buildMarriage(
  id: string,
  person: ResidentRecord,
  spouse: ResidentRecord,
  registeredAt: string,
  officeDivision: string,
  serial: number,
  trustLevel: TrustLevel,
): LicenceRecord {
  return {
    _id: id,
    type: 'MARRIAGE',
    title: '结婚证',
    licenceNumber: `J${officeDivision}-${registeredAt.slice(0, 4)}-${String(serial).padStart(6, '0')}`,
    holderId: person._id,
    holderName: person.name,
    holderIdNumber: person.idNumber,
    issuer: civilAffairsOffice(officeDivision),
    issuedAt: registeredAt,
    validFrom: registeredAt,
    validTo: null,
    trustLevel,
    status: 'VALID',
    data: { spouseName: spouse.name, spouseIdNumber: spouse.idNumber, registeredAt },
  };
}

export interface University {
  code: string;
  name: string;
}

export const UNIVERSITIES: readonly University[] = [
  { code: '10001', name: '北京大学' },
  { code: '10003', name: '清华大学' },
  { code: '10004', name: '北京交通大学' },
  { code: '10558', name: '中山大学' },
  { code: '10561', name: '华南理工大学' },
  { code: '10590', name: '深圳大学' },
  { code: '10610', name: '四川大学' },
  { code: '10611', name: '重庆大学' },
  { code: '10614', name: '电子科技大学' },
  { code: '10635', name: '西南大学' },
  { code: '11078', name: '广州大学' },
];

const DEGREE_CODES = { 专科: '3', 本科: '5', 硕士研究生: '7' } as const;
export type Degree = keyof typeof DEGREE_CODES;

/** Graduation certificate number: school code (5) + year (4) + level (1) + serial (6 + 2 digits). */
export function buildGraduation(
  id: string,
  person: ResidentRecord,
  university: University,
  degree: Degree,
  graduatedOn: string,
  serial: number,
  trustLevel: TrustLevel,
): LicenceRecord {
  const major = ['计算机科学与技术', '汉语言文学', '会计学', '土木工程', '临床医学', '法学', '电子信息工程'][
    serial % 7
  ];
  return {
    _id: id,
    type: 'GRADUATION',
    title: '毕业证书',
    licenceNumber: `${university.code}${graduatedOn.slice(0, 4)}${DEGREE_CODES[degree]}${String(serial).padStart(8, '0')}`,
    holderId: person._id,
    holderName: person.name,
    holderIdNumber: person.idNumber,
    issuer: university.name,
    issuedAt: graduatedOn,
    validFrom: graduatedOn,
    validTo: null,
    trustLevel,
    status: 'VALID',
    data: { university: university.name, degree, major, graduatedOn },
  };
}
