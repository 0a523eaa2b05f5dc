// Accounts: one per mobile (H5 log-in) or WeChat openid (mini-program log-in). The ID number
// and name are kept encrypted; the ID number's HMAC fingerprint has a unique index, so one ID
// number can be bound to one account only (enforced by the store, not by a read-then-write).
import { Schema, Types, type Connection, type Model } from 'mongoose';
import { ROLES, type Role } from '../../core/principal';

export interface AccountDoc {
  _id: Types.ObjectId;
  mobile?: string;
  wechatOpenid?: string;
  wechatUnionid?: string;
  /** WeChat's session_key, encrypted; never leaves the BFF. */
  wechatSessionKeyEnc?: string;
  role: Role;
  staffId?: string;
  idNumberEnc?: string;
  idNumberFingerprint?: string;
  idNumberMasked?: string;
  nameEnc?: string;
  nameMasked?: string;
  platformPersonId?: string;
  realNameVerifiedAt?: Date;
  createdAt: Date;
  lastLoginAt: Date;
}

const accountSchema = new Schema<AccountDoc>(
  {
    mobile: { type: String },
    wechatOpenid: { type: String },
    wechatUnionid: { type: String },
    wechatSessionKeyEnc: { type: String },
    role: { type: String, enum: ROLES, required: true, default: 'resident' },
    staffId: { type: String },
    idNumberEnc: { type: String },
    idNumberFingerprint: { type: String },
    idNumberMasked: { type: String },
    nameEnc: { type: String },
    nameMasked: { type: String },
    platformPersonId: { type: String },
    realNameVerifiedAt: { type: Date },
    createdAt: { type: Date, required: true },
    lastLoginAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'accounts' },
);
accountSchema.index({ mobile: 1 }, { unique: true, sparse: true });
accountSchema.index({ wechatOpenid: 1 }, { unique: true, sparse: true });
accountSchema.index({ idNumberFingerprint: 1 }, { unique: true, sparse: true });

export type AccountModel = Model<AccountDoc>;

export function accountModel(connection: Connection): AccountModel {
  return (connection.models.Account as AccountModel) ?? connection.model<AccountDoc>('Account', accountSchema);
}
