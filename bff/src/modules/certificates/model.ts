// What the certificates module keeps: one-use show codes and the access record (who saw what, when).
import { Schema, Types, type Connection, type Model } from 'mongoose';

export interface ShowCodeDoc {
  /** sha256 of the code: whoever reads the store still cannot show or verify anything. */
  _id: string;
  userId: Types.ObjectId;
  certificateId: string;
  /** HMAC fingerprint of the PIN, kept after use so a second use is named as such. */
  pinFingerprint: string;
  /** The same fingerprint while the code can be used: its unique index keeps active PINs distinct. */
  pinLock?: string | null;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  usedBy: Types.ObjectId | null;
}

const showCodeSchema = new Schema<ShowCodeDoc>(
  {
    _id: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true, index: true },
    certificateId: { type: String, required: true },
    pinFingerprint: { type: String, required: true, index: true },
    pinLock: { type: String },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    usedAt: { type: Date, default: null },
    usedBy: { type: Schema.Types.ObjectId, default: null },
  },
  { versionKey: false, collection: 'certificate_show_codes' },
);
showCodeSchema.index({ pinLock: 1 }, { unique: true, sparse: true });
// A used or lapsed code is kept a day so that late attempts get USED / EXPIRED, then it goes.
showCodeSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 24 * 3600 });

export type ShowCodeModel = Model<ShowCodeDoc>;

export function showCodeModel(connection: Connection): ShowCodeModel {
  return (
    (connection.models.CertificateShowCode as ShowCodeModel) ??
    connection.model<ShowCodeDoc>('CertificateShowCode', showCodeSchema)
  );
}

export const ACCESS_ACTIONS = [
  'LIST',
  'VIEW',
  'REVEAL',
  'SHOW_CODE_CREATED',
  'VERIFIED',
  'VERIFY_REFUSED',
  'NOT_FOUND',
] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];
export type ActorRelation = 'SELF' | 'CO_OWNER' | 'VERIFIER';

export interface AccessDoc {
  _id: Types.ObjectId;
  at: Date;
  action: AccessAction;
  certificateId: string | null;
  /** e.g. 不动产权证书 / 结婚证: what was seen, without personal data. */
  certificateTitle: string | null;
  /**
   * HMAC fingerprints of the ID numbers of everyone whose item it is (all obligees of a shared
   * title): each of them reads this entry in "who viewed my certificates".
   */
  subjects: string[];
  actorUserId: Types.ObjectId;
  actorFingerprint: string | null;
  /** Masked name (or masked mobile) of the actor, as the holder will see it. */
  actorLabel: string;
  requestId: string | null;
}

const accessSchema = new Schema<AccessDoc>(
  {
    at: { type: Date, required: true },
    action: { type: String, enum: ACCESS_ACTIONS, required: true },
    certificateId: { type: String, default: null },
    certificateTitle: { type: String, default: null },
    subjects: { type: [String], default: [] },
    actorUserId: { type: Schema.Types.ObjectId, required: true },
    actorFingerprint: { type: String, default: null },
    actorLabel: { type: String, required: true },
    requestId: { type: String, default: null },
  },
  { versionKey: false, collection: 'certificate_access_log' },
);
accessSchema.index({ subjects: 1, at: -1 });
accessSchema.index({ actorUserId: 1, at: -1 });

export type AccessModel = Model<AccessDoc>;

export function accessModel(connection: Connection): AccessModel {
  return (
    (connection.models.CertificateAccess as AccessModel) ??
    connection.model<AccessDoc>('CertificateAccess', accessSchema)
  );
}
