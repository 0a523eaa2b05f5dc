// Shapes of the seeded records. Plain data: the generator builds them, the modules' mongoose
// models store them, and the personas endpoint reads them. Ids are stable strings so two runs
// with one seed produce identical documents.
import type { Sex } from '../../../src/rules/id-number';

export type RecordStatus = 'ACTIVE' | 'CANCELLED';
export type Relation = '户主' | '配偶' | '子' | '女' | '父亲' | '母亲';
export type MaritalStatus = '未婚' | '已婚' | '离异' | '丧偶';

export interface ResidentRecord {
  _id: string;
  idNumber: string;
  name: string;
  sex: Sex;
  birthDate: string;
  ethnicity: string;
  /** District of the household register (户籍地). */
  divisionCode: string;
  city: string;
  householdId: string;
  address: string;
  mobile: string | null;
  wechatOpenid: string | null;
  wechatUnionid: string | null;
  maritalStatus: MaritalStatus;
  status: RecordStatus;
  cancelReason: string | null;
  cancelledAt: string | null;
}

export interface HouseholdRecord {
  _id: string;
  /** 户号 */
  householdNumber: string;
  type: '家庭户' | '集体户';
  divisionCode: string;
  city: string;
  address: string;
  policeStation: string;
  members: { personId: string; name: string; relation: Relation }[];
}

export type TitleStatus = 'NORMAL' | 'MORTGAGED' | 'SEALED' | 'OBJECTION';
export type CoOwnership = '单独所有' | '共同共有' | '按份共有';

export interface TitleRecord {
  _id: string;
  /** e.g. 粤(2021)广州市不动产权第0123456号 */
  certificateNumber: string;
  /** 不动产单元号, 28 characters */
  unitNumber: string;
  divisionCode: string;
  city: string;
  issuer: string;
  obligees: { personId: string; name: string; idNumber: string; share: string | null }[];
  coOwnership: CoOwnership;
  location: string;
  rightType: string;
  use: string;
  /** Building area in square metres. */
  area: number;
  /** Apportioned land area in square metres. */
  landArea: number;
  term: { from: string; to: string };
  registeredAt: string;
  status: TitleStatus;
  mortgage: { mortgagee: string; amountYuan: number; from: string; to: string; proofNumber: string } | null;
  seal: { authority: string; caseNumber: string; from: string; to: string } | null;
  objection: { applicant: string; registeredAt: string } | null;
}

export type LicenceType = 'ID_CARD' | 'HOUSEHOLD_REGISTER' | 'MARRIAGE' | 'GRADUATION';
export type TrustLevel = 'A' | 'B' | 'C' | 'D';

export interface LicenceRecord {
  _id: string;
  type: LicenceType;
  title: string;
  licenceNumber: string;
  holderId: string;
  holderName: string;
  holderIdNumber: string;
  issuer: string;
  issuedAt: string;
  validFrom: string;
  /** null: valid for the long term (长期). */
  validTo: string | null;
  trustLevel: TrustLevel;
  status: 'VALID' | 'REVOKED';
  data: Record<string, string>;
}

export interface OpeningHours {
  /** ISO weekdays, 1 = Monday. */
  weekdays: number[];
  open: string;
  close: string;
}

export interface HallRecord {
  _id: string;
  name: string;
  city: string;
  divisionCode: string;
  address: string;
  phone: string;
  openingHours: OpeningHours[];
  slotMinutes: number;
  capacityPerSlot: number;
  windows: { windowNo: string; name: string; serviceItems: string[] }[];
  serviceItems: string[];
}

export type StaffRole = 'staff' | 'supervisor' | 'guide';

export interface StaffRecord {
  _id: string;
  employeeNumber: string;
  name: string;
  mobile: string;
  role: StaffRole;
  city: string;
  divisionCode: string;
  hallId: string | null;
  windowNo: string | null;
  /** Community (社区) a guide serves. */
  community: string | null;
  onDuty: boolean;
}

export interface PersonaRef {
  key: string;
  label: string;
  notes: string;
  id: string;
}

export interface Population {
  seed: number;
  residents: ResidentRecord[];
  households: HouseholdRecord[];
  titles: TitleRecord[];
  licences: LicenceRecord[];
  halls: HallRecord[];
  staff: StaffRecord[];
  personas: { residents: PersonaRef[]; staff: PersonaRef[]; guides: PersonaRef[] };
}
