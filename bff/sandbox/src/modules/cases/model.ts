// Cases of the case-handling service (办件). A case and its whole timeline are one document, so
// every state change is one conditional update on (id, status, version): two examiners acting
// at once cannot both move it. Lives on the connection of the seeded population.
import { Schema, type Connection, type Model } from 'mongoose';

export const CASE_STATUSES = [
  'SUBMITTED',
  'ACCEPTED',
  'UNDER_REVIEW',
  'NEEDS_CORRECTION',
  'APPROVED',
  'COMPLETED',
  'REJECTED',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export interface CaseMaterial {
  key: string;
  name: string;
  source: string;
  trustLevel: 'A' | 'B' | 'C' | 'D';
  /** Registry reference of a fetched material (title id, licence id, household number). */
  reference: string | null;
  issuer: string | null;
  fetchedAt: string | null;
  fileName: string | null;
  mimeType: string | null;
  size: number | null;
  sha256: string | null;
}

export interface CaseEvent {
  /** 1, 2, 3 ... within the case. */
  no: number;
  type: 'STATUS' | 'MIGRATION_CERT_REQUESTED' | 'MIGRATION_CERT_RECEIVED' | 'CORRECTION_SUBMITTED';
  status: CaseStatus;
  at: Date;
  title: string;
  detail: string | null;
  actor: string;
  items?: { materialKey: string | null; reason: string }[];
}

export interface Place {
  city: string;
  divisionCode: string;
  address: string;
  policeStation: string;
  householdNumber: string | null;
}

export interface CaseDoc {
  _id: string;
  externalRef: string;
  itemCode: string;
  itemName: string;
  category: string;
  timeLimitDays: number;
  applicant: { idNumber: string; name: string };
  origin: Place;
  destination: Place;
  crossProvince: boolean;
  materials: CaseMaterial[];
  consent: { at: string; services: string[]; statement: string };
  form: Record<string, unknown>;
  status: CaseStatus;
  /** The status a resubmitted correction returns to. */
  resumeStatus: CaseStatus | null;
  corrections: { materialKey: string | null; reason: string }[];
  rejectReason: string | null;
  migrationCertificate: { number: string; issuedBy: string; exchangedAt: Date } | null;
  movePermitNumber: string | null;
  submittedAt: Date;
  acceptedAt: Date | null;
  /** Last day (China date) of the time limit, set on acceptance; extended by correction time. */
  dueDate: string | null;
  pausedAt: Date | null;
  decidedAt: Date | null;
  completedAt: Date | null;
  updatedAt: Date;
  version: number;
  events: CaseEvent[];
}

const place = { city: String, divisionCode: String, address: String, policeStation: String, householdNumber: String };

const caseSchema = new Schema<CaseDoc>(
  {
    _id: String,
    externalRef: { type: String, required: true, unique: true },
    itemCode: String,
    itemName: String,
    category: String,
    timeLimitDays: Number,
    applicant: { idNumber: { type: String, index: true }, name: String },
    origin: place,
    destination: place,
    crossProvince: Boolean,
    materials: [
      {
        _id: false,
        key: String,
        name: String,
        source: String,
        trustLevel: String,
        reference: String,
        issuer: String,
        fetchedAt: String,
        fileName: String,
        mimeType: String,
        size: Number,
        sha256: String,
      },
    ],
    consent: { at: String, services: [String], statement: String },
    form: Schema.Types.Mixed,
    status: { type: String, index: true },
    resumeStatus: String,
    corrections: [{ _id: false, materialKey: String, reason: String }],
    rejectReason: String,
    migrationCertificate: { type: { number: String, issuedBy: String, exchangedAt: Date }, default: null },
    movePermitNumber: String,
    submittedAt: Date,
    acceptedAt: Date,
    dueDate: String,
    pausedAt: Date,
    decidedAt: Date,
    completedAt: Date,
    updatedAt: { type: Date, index: true },
    version: Number,
    events: [
      {
        _id: false,
        no: Number,
        type: { type: String },
        status: String,
        at: Date,
        title: String,
        detail: String,
        actor: String,
        items: [{ _id: false, materialKey: String, reason: String }],
      },
    ],
  },
  { versionKey: false, collection: 'cases', minimize: false },
);

interface CounterDoc {
  _id: string;
  value: number;
}
const counterSchema = new Schema<CounterDoc>(
  { _id: String, value: Number },
  { versionKey: false, collection: 'case_counters' },
);

export type CaseModel = Model<CaseDoc>;

export function caseModels(conn: Connection) {
  return {
    Case: (conn.models.Case as CaseModel) ?? conn.model<CaseDoc>('Case', caseSchema),
    CaseCounter: (conn.models.CaseCounter as Model<CounterDoc>) ?? conn.model<CounterDoc>('CaseCounter', counterSchema),
  };
}
