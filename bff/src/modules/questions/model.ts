// Query threads, the round-robin cursors of automatic assignment, and the queue of notices to residents.
// A thread is one document (messages embedded, bounded by MAX_MESSAGES): every change is one
// conditional update on it, guarded by `version`, so two staff members cannot both take it.
import { Schema, Types, type Connection, type Model } from 'mongoose';
import type { QuestionStatus } from './rules';

export type SubjectType = 'item' | 'application' | 'appointment';

export interface ThreadMessage {
  messageId: string;
  author: 'resident' | 'staff';
  /** `note`: internal, staff only; never part of a resident's answer. */
  kind: 'message' | 'note';
  text: string;
  staffId?: string;
  staffName?: string;
  cannedId?: string;
  at: Date;
}

export interface QuestionDoc {
  _id: Types.ObjectId;
  residentId: Types.ObjectId;
  residentNameMasked: string | null;
  subject: { type: SubjectType; id: string; label: string; verified: boolean } | null;
  itemCode: string | null;
  itemName: string | null;
  title: string;
  status: QuestionStatus;
  assigneeStaffId: string | null;
  assigneeName: string | null;
  /** The hall of the staff member answering (satisfaction by hall). */
  hallId: string | null;
  createdAt: Date;
  firstReplyDueDay: string;
  firstReplyDueAt: Date;
  firstRepliedAt: Date | null;
  lastActivityAt: Date;
  closedAt: Date | null;
  inbox: string[];
  messages: ThreadMessage[];
  messageCount: number;
  version: number;
}

const messageSchema = new Schema<ThreadMessage>(
  {
    messageId: { type: String, required: true },
    author: { type: String, enum: ['resident', 'staff'], required: true },
    kind: { type: String, enum: ['message', 'note'], required: true },
    text: { type: String, required: true },
    staffId: String,
    staffName: String,
    cannedId: String,
    at: { type: Date, required: true },
  },
  { _id: false },
);

const questionSchema = new Schema<QuestionDoc>(
  {
    residentId: { type: Schema.Types.ObjectId, required: true },
    residentNameMasked: { type: String, default: null },
    subject: {
      type: new Schema(
        {
          type: { type: String, enum: ['item', 'application', 'appointment'], required: true },
          id: { type: String, required: true },
          label: { type: String, required: true },
          verified: { type: Boolean, required: true },
        },
        { _id: false },
      ),
      default: null,
    },
    itemCode: { type: String, default: null },
    itemName: { type: String, default: null },
    title: { type: String, required: true },
    status: { type: String, enum: ['OPEN', 'ANSWERED', 'CLOSED'], required: true },
    assigneeStaffId: { type: String, default: null },
    assigneeName: { type: String, default: null },
    hallId: { type: String, default: null },
    createdAt: { type: Date, required: true },
    firstReplyDueDay: { type: String, required: true },
    firstReplyDueAt: { type: Date, required: true },
    firstRepliedAt: { type: Date, default: null },
    lastActivityAt: { type: Date, required: true },
    closedAt: { type: Date, default: null },
    inbox: { type: [String], required: true },
    messages: { type: [messageSchema], default: [] },
    messageCount: { type: Number, required: true },
    version: { type: Number, required: true },
  },
  { versionKey: false, collection: 'questions' },
);
// A resident's own threads, newest first.
questionSchema.index({ residentId: 1, lastActivityAt: -1 });
// The inbox views (see inboxTags): unassigned / mine / waiting / open by recency, overdue by target.
questionSchema.index({ inbox: 1, lastActivityAt: -1 });
questionSchema.index({ inbox: 1, firstReplyDueAt: 1 });
// Supervision: questions asked in a period.
questionSchema.index({ createdAt: 1 });

export interface CursorDoc {
  _id: string;
  n: number;
}

const cursorSchema = new Schema<CursorDoc>(
  { _id: String, n: { type: Number, required: true } },
  { versionKey: false, collection: 'assignment_cursors' },
);

export type NotificationStatus = 'PENDING' | 'SENDING' | 'SENT' | 'SKIPPED' | 'FAILED';

/**
 * A notice to a resident, queued under the key of its event and delivered through the leased
 * queue (`core/leased-queue.ts`): tried at once by the request that caused it, then by the
 * resident-notice job until sent, skipped (no channel) or out of attempts.
 */
export interface NotificationDoc {
  /** What the notice is about (`question:<id>:<messageId>`): one notice per event, ever. */
  _id: string;
  userId: Types.ObjectId;
  status: NotificationStatus;
  /** ≤ 20 characters (WeChat `thing` fields). */
  title: string;
  /** The SMS text (≤ 300 characters). */
  text: string;
  /** The mini-program page the WeChat message opens. */
  page: string;
  attempts: number;
  /** When a pending notice is (next) due. */
  dueAt: Date;
  claimedBy?: string;
  leaseUntil?: Date;
  channel?: 'wechat' | 'sms';
  createdAt: Date;
  sentAt?: Date;
  outcome?: string;
}

const notificationSchema = new Schema<NotificationDoc>(
  {
    _id: String,
    userId: { type: Schema.Types.ObjectId, required: true },
    status: { type: String, enum: ['PENDING', 'SENDING', 'SENT', 'SKIPPED', 'FAILED'], required: true },
    title: { type: String, required: true },
    text: { type: String, required: true },
    page: { type: String, required: true },
    attempts: { type: Number, required: true },
    dueAt: { type: Date, required: true },
    claimedBy: String,
    leaseUntil: Date,
    channel: String,
    createdAt: { type: Date, required: true },
    sentAt: Date,
    outcome: String,
  },
  { versionKey: false, collection: 'notifications' },
);
// The queue's claim: pending notices by due time, lapsed claims by status.
notificationSchema.index({ status: 1, dueAt: 1 });

export function questionModels(connection: Connection) {
  return {
    questions: ((connection.models.Question as Model<QuestionDoc>) ??
      connection.model<QuestionDoc>('Question', questionSchema)) as Model<QuestionDoc>,
    cursors: ((connection.models.AssignmentCursor as Model<CursorDoc>) ??
      connection.model<CursorDoc>('AssignmentCursor', cursorSchema)) as Model<CursorDoc>,
    notifications: ((connection.models.Notification as Model<NotificationDoc>) ??
      connection.model<NotificationDoc>('Notification', notificationSchema)) as Model<NotificationDoc>,
  };
}

export type QuestionModels = ReturnType<typeof questionModels>;
