// Login codes handed out by the simulated wx.login, and the subscription-message outbox.
import { Schema, Types, type Connection } from 'mongoose';

export interface WechatCode {
  _id: string;
  openid: string;
  createdAt: Date;
  /** Sandbox-clock time after which the code is refused. */
  expiresAt: Date;
  usedAt: Date | null;
  /** Real time for the TTL index (the sandbox clock may be shifted). */
  purgeAt: Date;
}

export interface WechatMessage {
  _id: Types.ObjectId;
  msgid: string;
  touser: string;
  templateId: string;
  page: string | null;
  data: Record<string, { value: string }>;
  miniprogramState: string;
  createdAt: Date;
}

const codeSchema = new Schema<WechatCode>(
  {
    _id: String,
    openid: { type: String, required: true },
    createdAt: Date,
    expiresAt: Date,
    usedAt: { type: Date, default: null },
    purgeAt: { type: Date, expires: 0 },
  },
  { versionKey: false, collection: 'wechat_codes' },
);

const messageSchema = new Schema<WechatMessage>(
  {
    msgid: { type: String, required: true },
    touser: { type: String, required: true, index: true },
    templateId: String,
    page: String,
    data: Schema.Types.Mixed,
    miniprogramState: String,
    createdAt: Date,
  },
  { versionKey: false, collection: 'wechat_outbox' },
);

export function wechatModels(conn: Connection) {
  return {
    WechatCode: conn.model<WechatCode>('WechatCode', codeSchema),
    WechatMessage: conn.model<WechatMessage>('WechatMessage', messageSchema),
  };
}
