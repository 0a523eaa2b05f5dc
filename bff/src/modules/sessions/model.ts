// Sessions live in MongoDB so any BFF instance can serve any request. Only sha256(token) is
// stored (as _id: the per-request look-up is one primary-key find). expiresAt is the effective
// expiry (idle, sliding, capped by the absolute one); a TTL index purges sessions a day after
// they end, so an expired token still answers SESSION_EXPIRED rather than "unknown" for a while.
import { Schema, Types, type Connection, type Model } from 'mongoose';
import { LEVELS, ROLES, type Level, type Role } from '../../core/principal';

export interface UserSnapshot {
  mobileMasked: string | null;
  nameMasked: string | null;
  idNumberMasked: string | null;
  realNameVerifiedAt?: Date | null;
}

export interface SessionDoc {
  _id: string;
  userId: Types.ObjectId;
  role: Role;
  level: Level;
  faceCheckedUntil?: Date | null;
  device?: string | null;
  /** The staff directory's id for staff roles (the inbox filters by it on every request). */
  staffId?: string | null;
  /** Masked presentation of the user, so getMe needs no second read. Refreshed when the user changes. */
  user: UserSnapshot;
  createdAt: Date;
  lastSeenAt: Date;
  absoluteExpiresAt: Date;
  expiresAt: Date;
  revokedAt?: Date | null;
}

export const PURGE_AFTER_SECONDS = 24 * 3600;

const snapshotSchema = new Schema<UserSnapshot>(
  {
    mobileMasked: { type: String, default: null },
    nameMasked: { type: String, default: null },
    idNumberMasked: { type: String, default: null },
    realNameVerifiedAt: { type: Date, default: null },
  },
  { _id: false },
);

const sessionSchema = new Schema<SessionDoc>(
  {
    _id: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true, index: true },
    role: { type: String, enum: ROLES, required: true },
    level: { type: String, enum: LEVELS, required: true },
    faceCheckedUntil: { type: Date, default: null },
    device: { type: String, default: null },
    staffId: { type: String, default: null },
    user: { type: snapshotSchema, required: true },
    createdAt: { type: Date, required: true },
    lastSeenAt: { type: Date, required: true },
    absoluteExpiresAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    revokedAt: { type: Date, default: null },
  },
  { versionKey: false, collection: 'sessions' },
);
sessionSchema.index({ expiresAt: 1 }, { expireAfterSeconds: PURGE_AFTER_SECONDS });

export type SessionModel = Model<SessionDoc>;

export function sessionModel(connection: Connection): SessionModel {
  return (connection.models.Session as SessionModel) ?? connection.model<SessionDoc>('Session', sessionSchema);
}
