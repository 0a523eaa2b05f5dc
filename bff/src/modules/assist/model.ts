// Assistance requests (a guide's one-time consent code), grants (the resident's consent) and the
// action record (代办记录). Nothing here has a TTL: grants and actions are kept for audit, and
// expiry is a time compared on every use.
import { Schema, Types, type Connection, type Model } from 'mongoose';
import { ASSIST_MODES, type AssistMode } from './rules';

export interface ServiceItemRef {
  code: string;
  name: string;
}

export interface GuideRef {
  accountId: Types.ObjectId;
  staffId: string;
  name: string;
}

export interface AssistRequestDoc {
  _id: string;
  /** The short code; unique among open requests (checked when the code is drawn). */
  code: string;
  guide: GuideRef;
  items: ServiceItemRef[];
  mode: AssistMode;
  durationMinutes: number;
  status: 'OPEN' | 'GRANTED';
  createdAt: Date;
  expiresAt: Date;
  grantId: string | null;
  /** The SMS route: the resident's account, the code's hash, its life and the tries used. */
  sms: {
    residentAccountId: Types.ObjectId;
    mobileMasked: string;
    codeHash: string;
    sentAt: Date;
    expiresAt: Date;
    tries: number;
    sends: number;
  } | null;
}

const itemSchema = new Schema<ServiceItemRef>({ code: String, name: String }, { _id: false });
const guideSchema = new Schema<GuideRef>(
  { accountId: Schema.Types.ObjectId, staffId: String, name: String },
  { _id: false },
);

const requestSchema = new Schema<AssistRequestDoc>(
  {
    _id: { type: String, required: true },
    code: { type: String, required: true },
    guide: { type: guideSchema, required: true },
    items: { type: [itemSchema], required: true },
    mode: { type: String, enum: ASSIST_MODES, required: true },
    durationMinutes: { type: Number, required: true },
    status: { type: String, enum: ['OPEN', 'GRANTED'], required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    grantId: { type: String, default: null },
    sms: { type: Schema.Types.Mixed, default: null },
  },
  { versionKey: false, collection: 'assist_requests' },
);
requestSchema.index({ code: 1, status: 1 });
requestSchema.index({ 'guide.accountId': 1, createdAt: -1 });

export interface AssistGrantDoc {
  _id: string;
  requestId: string;
  mode: AssistMode;
  items: ServiceItemRef[];
  resident: { accountId: Types.ObjectId; nameMasked: string; idNumberMasked: string; mobileMasked: string | null };
  guide: GuideRef;
  consent: { method: 'QR' | 'SMS'; at: Date };
  durationMinutes: number;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  /** A per-day serial for the proxy letter's number. */
  letterNo: string;
}

const grantSchema = new Schema<AssistGrantDoc>(
  {
    _id: { type: String, required: true },
    requestId: { type: String, required: true, unique: true },
    mode: { type: String, enum: ASSIST_MODES, required: true },
    items: { type: [itemSchema], required: true },
    resident: {
      type: new Schema(
        { accountId: Schema.Types.ObjectId, nameMasked: String, idNumberMasked: String, mobileMasked: String },
        { _id: false },
      ),
      required: true,
    },
    guide: { type: guideSchema, required: true },
    consent: { type: new Schema({ method: String, at: Date }, { _id: false }), required: true },
    durationMinutes: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    revokedAt: { type: Date, default: null },
    letterNo: { type: String, required: true },
  },
  { versionKey: false, collection: 'assist_grants' },
);
grantSchema.index({ 'resident.accountId': 1, createdAt: -1 });
grantSchema.index({ 'guide.staffId': 1, createdAt: -1 });

export type ActionResult = 'OK' | 'REFUSED' | 'FAILED';

export interface AssistActionDoc {
  _id: Types.ObjectId;
  grantId: string;
  residentAccountId: Types.ObjectId;
  guide: GuideRef;
  operationId: string;
  operationName: string;
  itemCode: string | null;
  targetId: string | null;
  result: ActionResult;
  errorCode: string | null;
  at: Date;
}

const actionSchema = new Schema<AssistActionDoc>(
  {
    grantId: { type: String, required: true },
    residentAccountId: { type: Schema.Types.ObjectId, required: true },
    guide: { type: guideSchema, required: true },
    operationId: { type: String, required: true },
    operationName: { type: String, required: true },
    itemCode: { type: String, default: null },
    targetId: { type: String, default: null },
    result: { type: String, enum: ['OK', 'REFUSED', 'FAILED'], required: true },
    errorCode: { type: String, default: null },
    at: { type: Date, required: true },
  },
  { versionKey: false, collection: 'assist_actions' },
);
actionSchema.index({ grantId: 1, at: 1 });

export interface AssistModels {
  requests: Model<AssistRequestDoc>;
  grants: Model<AssistGrantDoc>;
  actions: Model<AssistActionDoc>;
}

export function assistModels(connection: Connection): AssistModels {
  const m = connection.models;
  return {
    requests:
      (m.AssistRequest as Model<AssistRequestDoc>) ??
      connection.model<AssistRequestDoc>('AssistRequest', requestSchema),
    grants: (m.AssistGrant as Model<AssistGrantDoc>) ?? connection.model<AssistGrantDoc>('AssistGrant', grantSchema),
    actions:
      (m.AssistAction as Model<AssistActionDoc>) ?? connection.model<AssistActionDoc>('AssistAction', actionSchema),
  };
}
