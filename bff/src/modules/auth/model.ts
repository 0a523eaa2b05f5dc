// One pending log-in code per mobile. Only an HMAC of the code is kept (a plain hash of six
// digits could be reversed by trying them all). Every try is counted before the comparison, so
// no burst of parallel guesses gets more than the allowed number of tries.
import type { Connection, Model } from 'mongoose';
import { Schema } from 'mongoose';

export interface SmsCodeDoc {
  _id: string; // the mobile
  codeHash: string;
  sentAt: Date;
  expiresAt: Date;
  tries: number;
  consumedAt: Date | null;
}

const smsCodeSchema = new Schema<SmsCodeDoc>(
  {
    _id: { type: String, required: true },
    codeHash: { type: String, required: true },
    sentAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    tries: { type: Number, required: true, default: 0 },
    consumedAt: { type: Date, default: null },
  },
  { versionKey: false, collection: 'sms_codes' },
);
// Kept an hour past expiry so a late try still hears "expired" rather than "no code".
smsCodeSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 3600 });

export type SmsCodeModel = Model<SmsCodeDoc>;

export function smsCodeModel(connection: Connection): SmsCodeModel {
  return (connection.models.SmsCode as SmsCodeModel) ?? connection.model<SmsCodeDoc>('SmsCode', smsCodeSchema);
}
