// The SMS outbox: every message the gateway "delivered", codes included (sandbox only).
import { Schema, Types, type Connection } from 'mongoose';

export interface SmsMessage {
  _id: Types.ObjectId;
  mobile: string;
  templateId: string;
  params: Record<string, string>;
  text: string;
  /** The verification code, for code templates. */
  code: string | null;
  /** Shanghai calendar day of sending (sandbox clock), for the daily limit. */
  day: string;
  createdAt: Date;
}

const smsSchema = new Schema<SmsMessage>(
  {
    mobile: { type: String, required: true },
    templateId: String,
    params: Schema.Types.Mixed,
    text: String,
    code: String,
    day: String,
    createdAt: Date,
  },
  { versionKey: false, collection: 'sms_outbox' },
);
smsSchema.index({ mobile: 1, createdAt: -1 });

export function smsModels(conn: Connection) {
  return { SmsMessage: conn.model<SmsMessage>('SmsMessage', smsSchema) };
}
