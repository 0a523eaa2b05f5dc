// What the BFF keeps about appointments: idempotency records of booking taps, and the
// day-before reminders. The bookings themselves live with the hall service.
import { Schema, type Connection, type Model } from 'mongoose';

export interface IdempotencyDoc {
  /** sha256 of user id and the client's Idempotency-Key: keys are per user. */
  _id: string;
  userId: string;
  operation: string;
  /** sha256 of the request body: the same key with another body is refused. */
  requestHash: string;
  state: 'PENDING' | 'DONE';
  /** Until when a PENDING record belongs to the request that wrote it. */
  leaseUntil: Date;
  response?: { status: number; body: unknown };
  createdAt: Date;
  expiresAt: Date;
}

const idempotencySchema = new Schema<IdempotencyDoc>(
  {
    _id: String,
    userId: { type: String, required: true },
    operation: { type: String, required: true },
    requestHash: { type: String, required: true },
    state: { type: String, required: true },
    leaseUntil: { type: Date, required: true },
    response: { type: Schema.Types.Mixed },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'idempotency_keys' },
);
idempotencySchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export type ReminderStatus = 'PENDING' | 'SENDING' | 'SENT' | 'CANCELLED' | 'SKIPPED' | 'FAILED';

export interface ReminderDoc {
  /** The appointment id: one reminder per appointment. */
  _id: string;
  userId: string;
  slotId: string;
  startsAt: Date;
  remindAt: Date;
  status: ReminderStatus;
  attempts: number;
  claimedBy?: string;
  leaseUntil?: Date;
  channel?: 'wechat' | 'sms';
  sentAt?: Date;
  outcome?: string;
  /** Removed by a TTL index a while after the appointment. */
  purgeAt: Date;
}

const reminderSchema = new Schema<ReminderDoc>(
  {
    _id: String,
    userId: { type: String, required: true },
    slotId: { type: String, required: true },
    startsAt: { type: Date, required: true },
    remindAt: { type: Date, required: true },
    status: { type: String, required: true },
    attempts: { type: Number, required: true, default: 0 },
    claimedBy: String,
    leaseUntil: Date,
    channel: String,
    sentAt: Date,
    outcome: String,
    purgeAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'appointment_reminders' },
);
reminderSchema.index({ status: 1, remindAt: 1 });
reminderSchema.index({ purgeAt: 1 }, { expireAfterSeconds: 0 });

export type IdempotencyModel = Model<IdempotencyDoc>;
export type ReminderModel = Model<ReminderDoc>;

export function appointmentModels(connection: Connection) {
  return {
    idempotency:
      (connection.models.IdempotencyKey as IdempotencyModel) ??
      connection.model<IdempotencyDoc>('IdempotencyKey', idempotencySchema),
    reminders:
      (connection.models.AppointmentReminder as ReminderModel) ??
      connection.model<ReminderDoc>('AppointmentReminder', reminderSchema),
  };
}
