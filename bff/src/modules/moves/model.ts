// What the BFF keeps about household moves: the application (a draft until submitted, then the
// link to its case), uploaded files, status notices waiting to go out, and the notifier's feed
// cursor. Every write that must be atomic is one conditional update on one document.
import { Schema, Types, type Connection, type Model } from 'mongoose';
import type { MoveCategory } from '../../rules/move-categories';

export type ApplicationState = 'DRAFT' | 'SUBMITTING' | 'SUBMITTED';

export interface MoveForm {
  /** PROPERTY: the title to move to (chosen from the resident's titles). */
  titleId?: string;
  /** SPOUSE / ELDERLY_PARENT / CHILD: the person joined; the ID number is kept encrypted. */
  relativeName?: string;
  relativeIdNumberEnc?: string;
  relativeIdNumberMasked?: string;
  /** TALENT / EMPLOYMENT: the city moved into (its collective household takes the move). */
  destinationCity?: string;
  /** A contact mobile for the examiner. */
  contactMobile?: string;
  /** The applicant's promise that what they state is true (承诺). */
  promise?: boolean;
}

export interface UploadRef {
  materialKey: string;
  uploadId: string;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  uploadedAt: Date;
}

export interface FetchedMaterial {
  key: string;
  name: string;
  source: string;
  trustLevel: 'A' | 'B' | 'C' | 'D';
  reference: string | null;
  issuer: string | null;
  fetchedAt: string;
}

export interface ConsentRecord {
  /** Who consented (the account), what was fetched, when, from which services. */
  userId: Types.ObjectId;
  at: Date;
  statement: string;
  materials: { key: string; source: string }[];
  services: string[];
}

export interface MoveApplicationDoc {
  _id: string;
  userId: Types.ObjectId;
  category: MoveCategory;
  itemCode: string;
  state: ApplicationState;
  form: MoveForm;
  /** The step the resident last saw (resuming on another device opens there). */
  step: number;
  uploads: UploadRef[];
  /** Materials the registries hold nothing on for this applicant (asked as uploads instead). */
  extraUploads: string[];
  fetched: FetchedMaterial[];
  consent: ConsentRecord | null;
  caseId: string | null;
  caseStatus: string | null;
  /** When this BFF first saw the case completed or rejected (starts the uploads' retention). */
  finishedAt?: Date | null;
  /** When the uploaded files were deleted after the retention period (their refs stay). */
  uploadsPurgedAt?: Date | null;
  /** When the files of this draft were deleted because it lay untouched; cleared by the next upload. */
  draftUploadsDeletedAt?: Date | null;
  submitKey: string | null;
  submitLeaseUntil: Date | null;
  /** Idempotency-Key of the last correction sent, so a retried tap sends it once. */
  correctionKey: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
}

const applicationSchema = new Schema<MoveApplicationDoc>(
  {
    _id: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true, index: true },
    category: { type: String, required: true },
    itemCode: { type: String, required: true },
    state: { type: String, required: true },
    form: { type: Schema.Types.Mixed, default: {} },
    step: { type: Number, default: 1 },
    uploads: [
      {
        _id: false,
        materialKey: String,
        uploadId: String,
        fileName: String,
        mimeType: String,
        size: Number,
        sha256: String,
        uploadedAt: Date,
      },
    ],
    extraUploads: { type: [String], default: [] },
    fetched: [
      {
        _id: false,
        key: String,
        name: String,
        source: String,
        trustLevel: String,
        reference: String,
        issuer: String,
        fetchedAt: String,
      },
    ],
    consent: { type: Schema.Types.Mixed, default: null },
    caseId: { type: String, default: null, index: true },
    caseStatus: { type: String, default: null },
    finishedAt: { type: Date, default: null },
    uploadsPurgedAt: { type: Date, default: null },
    draftUploadsDeletedAt: { type: Date, default: null },
    submitKey: { type: String, default: null },
    submitLeaseUntil: { type: Date, default: null },
    correctionKey: { type: String, default: null },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    submittedAt: { type: Date, default: null },
  },
  { versionKey: false, collection: 'move_applications', minimize: false },
);

applicationSchema.index({ uploadsPurgedAt: 1, finishedAt: 1 });
// Abandoned drafts are found by their last change (retention.ts).
applicationSchema.index({ state: 1, updatedAt: 1 });

export interface UploadDoc {
  _id: string;
  applicationId: string;
  userId: Types.ObjectId;
  materialKey: string;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  data: Buffer;
  createdAt: Date;
}

const uploadSchema = new Schema<UploadDoc>(
  {
    _id: String,
    applicationId: { type: String, index: true },
    userId: Schema.Types.ObjectId,
    materialKey: String,
    fileName: String,
    mimeType: String,
    size: Number,
    sha256: String,
    data: Buffer,
    createdAt: Date,
  },
  { versionKey: false, collection: 'move_uploads' },
);

export type NoticeStatus = 'PENDING' | 'SENDING' | 'SENT' | 'SKIPPED' | 'FAILED';

export interface NoticeDoc {
  /** `<caseId>:<event no>`: one notice per status change, whoever notices it first. */
  _id: string;
  applicationId: string;
  userId: Types.ObjectId;
  caseId: string;
  status: NoticeStatus;
  caseStatus: string;
  title: string;
  detail: string | null;
  itemName: string;
  at: Date;
  attempts: number;
  claimedBy?: string;
  leaseUntil?: Date;
  channel?: 'wechat' | 'sms';
  sentAt?: Date;
  outcome?: string;
  nextAttemptAt: Date;
}

const noticeSchema = new Schema<NoticeDoc>(
  {
    _id: String,
    applicationId: String,
    userId: Schema.Types.ObjectId,
    caseId: String,
    status: { type: String, required: true },
    caseStatus: String,
    title: String,
    detail: String,
    itemName: String,
    at: Date,
    attempts: { type: Number, default: 0 },
    claimedBy: String,
    leaseUntil: Date,
    channel: String,
    sentAt: Date,
    outcome: String,
    nextAttemptAt: Date,
  },
  { versionKey: false, collection: 'move_notices' },
);
noticeSchema.index({ status: 1, nextAttemptAt: 1 });
// The ordering check: is an earlier notice of this case still pending or being sent?
noticeSchema.index({ caseId: 1, at: 1 });

export interface CursorDoc {
  _id: string;
  /** The newest case change already turned into notices (sandbox clock). */
  since: Date;
}
const cursorSchema = new Schema<CursorDoc>(
  { _id: String, since: Date },
  { versionKey: false, collection: 'move_feed_cursor' },
);

export type MoveApplicationModel = Model<MoveApplicationDoc>;
export type UploadModel = Model<UploadDoc>;
export type NoticeModel = Model<NoticeDoc>;
export type CursorModel = Model<CursorDoc>;

export function moveModels(connection: Connection) {
  const get = <T>(name: string, schema: Schema<T>) =>
    (connection.models[name] as Model<T>) ?? connection.model<T>(name, schema);
  return {
    applications: get<MoveApplicationDoc>('MoveApplication', applicationSchema),
    uploads: get<UploadDoc>('MoveUpload', uploadSchema),
    notices: get<NoticeDoc>('MoveNotice', noticeSchema),
    cursor: get<CursorDoc>('MoveFeedCursor', cursorSchema),
  };
}
