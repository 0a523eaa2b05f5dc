// Slots, appointments and booking suspensions of the hall appointment service. They live on
// the connection of the seeded halls. Every write that must be atomic is a single-document
// conditional update, and the one-active-booking rule is a unique index, so the rules hold
// across any number of concurrent requests without transactions.
import { Schema, type Connection, type Model } from 'mongoose';

export type AppointmentStatus = 'BOOKED' | 'CANCELLED' | 'CHECKED_IN' | 'NO_SHOW';

export interface SlotDoc {
  /** `<hallId>_<YYYYMMDD>_<HHmm>`, derived from the hall's opening plan. */
  _id: string;
  hallId: string;
  date: string;
  start: string;
  startsAt: Date;
  capacity: number;
  booked: number;
  /** capacity - booked; negative when a hall lowered capacity below existing bookings. */
  remaining: number;
}

export interface AppointmentDoc {
  _id: string;
  idNumber: string;
  hallId: string;
  itemCode: string;
  windowNo: string;
  slotId: string;
  date: string;
  start: string;
  end: string;
  startsAt: Date;
  endsAt: Date;
  status: AppointmentStatus;
  /** `<idNumber>|<itemCode>|<date>` while BOOKED, absent otherwise (unique among present keys). */
  activeKey?: string;
  checkInCode: string;
  createdAt: Date;
  cancelledAt: Date | null;
  checkedInAt: Date | null;
  noShowAt: Date | null;
  moves: { fromSlotId: string; toSlotId: string; at: Date }[];
}

export interface BookingBanDoc {
  /** The person's ID number. */
  _id: string;
  suspendedUntil: Date;
  since: Date;
  reason: string;
}

const slotSchema = new Schema<SlotDoc>(
  {
    _id: String,
    hallId: { type: String, required: true },
    date: { type: String, required: true },
    start: String,
    startsAt: Date,
    capacity: { type: Number, required: true },
    booked: { type: Number, required: true },
    remaining: { type: Number, required: true },
  },
  { versionKey: false, collection: 'hall_slots' },
);
slotSchema.index({ hallId: 1, date: 1 });

const appointmentSchema = new Schema<AppointmentDoc>(
  {
    _id: String,
    idNumber: { type: String, required: true },
    hallId: String,
    itemCode: String,
    windowNo: String,
    slotId: String,
    date: String,
    start: String,
    end: String,
    startsAt: Date,
    endsAt: Date,
    status: { type: String, required: true },
    activeKey: String,
    checkInCode: { type: String, required: true },
    createdAt: Date,
    cancelledAt: Date,
    checkedInAt: Date,
    noShowAt: Date,
    moves: [{ _id: false, fromSlotId: String, toSlotId: String, at: Date }],
  },
  { versionKey: false, collection: 'hall_appointments' },
);
appointmentSchema.index(
  { activeKey: 1 },
  { unique: true, partialFilterExpression: { activeKey: { $type: 'string' } } },
);
appointmentSchema.index({ checkInCode: 1 }, { unique: true });
appointmentSchema.index({ idNumber: 1, startsAt: -1 });
appointmentSchema.index({ idNumber: 1, status: 1, noShowAt: 1 });

const banSchema = new Schema<BookingBanDoc>(
  { _id: String, suspendedUntil: Date, since: Date, reason: String },
  { versionKey: false, collection: 'hall_booking_bans' },
);

function bind<T>(conn: Connection, name: string, schema: Schema<T>): Model<T> {
  return (conn.models[name] as Model<T> | undefined) ?? conn.model<T>(name, schema);
}

export function appointmentModels(conn: Connection) {
  return {
    Slot: bind(conn, 'HallSlot', slotSchema),
    Appointment: bind(conn, 'HallAppointment', appointmentSchema),
    BookingBan: bind(conn, 'HallBookingBan', banSchema),
  };
}

export type AppointmentModels = ReturnType<typeof appointmentModels>;
