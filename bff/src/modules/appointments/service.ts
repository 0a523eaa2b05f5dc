// Appointments for a real-name resident: halls and slots from the hall service, booking with an
// idempotency key (a retried tap books once and gets the same answer), cancel and reschedule,
// and the reminder record that the reminder job sends from.
import { createHash } from 'node:crypto';
import { AppError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import type { AuthSession } from '../../core/principal';
import type { HallResult, HallsClient, PlatformAppointment, PlatformHall } from '../../platform/halls';
import type { AccountService } from '../accounts/service';
import type { IdempotencyDoc, IdempotencyModel, ReminderModel } from './model';
import {
  describeHours,
  distanceKm,
  IDEMPOTENCY_TTL_SECONDS,
  IDEMPOTENCY_WAIT_MS,
  refusalError,
  reminderDueAt,
  STATUS_TEXT,
} from './rules';

export interface AppointmentServiceDeps {
  halls: HallsClient;
  accounts: AccountService;
  idempotency: IdempotencyModel;
  reminders: ReminderModel;
  logger: Logger;
}

const DUPLICATE_KEY = 11000;
const REMINDER_KEPT_AFTER_MS = 7 * 24 * 3600_000;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function unwrap<T>(result: HallResult<T>): T {
  if (result.ok) return result.value;
  throw refusalError(result.code, result.details);
}

/** What the queue machine at the hall reads from the QR code. */
export const checkInQrText = (a: Pick<PlatformAppointment, 'appointmentId' | 'hallId' | 'checkInCode'>) =>
  `BIANMIN-CHECKIN:${a.hallId}:${a.appointmentId}:${a.checkInCode}`;

export function present(a: PlatformAppointment) {
  return {
    appointmentId: a.appointmentId,
    status: a.status,
    statusText: STATUS_TEXT[a.status],
    hallId: a.hallId,
    hallName: a.hallName,
    hallAddress: a.hallAddress,
    itemCode: a.itemCode,
    itemName: a.itemName,
    windowName: a.windowName,
    slotId: a.slotId,
    date: a.date,
    start: a.start,
    end: a.end,
    startsAt: a.startsAt,
    cancelCutoffAt: a.cancelCutoffAt,
    checkInCode: a.checkInCode,
    checkInQrText: checkInQrText(a),
    createdAt: a.createdAt,
  };
}

export type AppointmentView = ReturnType<typeof present>;

function presentHall(hall: PlatformHall, from: { lat: number; lng: number } | null) {
  const openingHours = hall.openingHours.map((h) => ({ ...h, text: describeHours(h) }));
  return {
    hallId: hall.hallId,
    name: hall.name,
    city: hall.city,
    address: hall.address,
    phone: hall.phone,
    location: hall.location,
    distanceKm: from && hall.location ? distanceKm(from, hall.location) : null,
    openingHours,
    openingText: openingHours.map((h) => h.text).join('；'),
    slotMinutes: hall.slotMinutes,
    serviceItems: hall.serviceItems,
    windows: hall.windows,
  };
}

export class AppointmentService {
  constructor(private readonly deps: AppointmentServiceDeps) {}

  async listHalls(query: { lat?: number; lng?: number; itemCode?: string; city?: string }) {
    const from = query.lat !== undefined && query.lng !== undefined ? { lat: query.lat, lng: query.lng } : null;
    if ((query.lat === undefined) !== (query.lng === undefined)) {
      throw new AppError(400, 'VALIDATION_FAILED', '填写的内容有误：经度和纬度需同时提供', {
        fields: [{ path: 'query.lat', message: '经度和纬度需同时提供' }],
      });
    }
    const halls = (await this.deps.halls.listHalls({ itemCode: query.itemCode, city: query.city })).map((h) =>
      presentHall(h, from),
    );
    if (from) halls.sort((a, b) => (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity));
    return { halls };
  }

  async listSlots(hallId: string, query: { itemCode?: string; from?: string; to?: string }) {
    const answer = unwrap(await this.deps.halls.listSlots(hallId, query));
    return {
      hallId: answer.hallId,
      slotMinutes: answer.slotMinutes,
      bookingHorizonDays: answer.bookingHorizonDays,
      days: answer.days.map((d) => ({
        date: d.date,
        open: d.open,
        note: d.note,
        slots: d.slots.map((s) => ({
          slotId: s.slotId,
          start: s.start,
          end: s.end,
          startsAt: s.startsAt,
          capacity: s.capacity,
          remaining: s.remaining,
          bookable: s.bookable,
        })),
      })),
    };
  }

  /**
   * Books once per idempotency key: the first request claims the key (an insert the unique _id
   * makes exclusive), later ones with the same key get the stored answer, also across BFF
   * instances. Answers the resident can act on are stored; a platform fault is not (the outcome
   * is unknown, and the one-booking-per-day rule keeps a retry from booking twice).
   */
  async book(
    session: AuthSession,
    input: { hallId: string; itemCode: string; slotId: string },
    idempotencyKey: string | undefined,
    now = new Date(),
  ) {
    if (!idempotencyKey) return { status: 201, body: await this.bookNow(session, input) };
    const id = sha256(`${session.userId}\n${idempotencyKey}`);
    const requestHash = sha256(JSON.stringify([input.hallId, input.itemCode, input.slotId]));
    const claimed = await this.claimKey(id, session.userId, requestHash, now);
    if (!claimed) return this.replay(id, requestHash);
    try {
      const body = await this.bookNow(session, input);
      await this.storeAnswer(id, 201, body);
      return { status: 201, body };
    } catch (error) {
      if (error instanceof AppError && error.status < 500) {
        await this.storeAnswer(id, error.status, {
          error: { code: error.code, message: error.message, ...error.extra },
        });
      } else {
        await this.deps.idempotency.deleteOne({ _id: id, state: 'PENDING' });
      }
      throw error;
    }
  }

  private async bookNow(
    session: AuthSession,
    input: { hallId: string; itemCode: string; slotId: string },
  ): Promise<AppointmentView> {
    const idNumber = await this.idNumberOf(session);
    const booked = unwrap(await this.deps.halls.book(idNumber, input));
    await this.scheduleReminder(session.userId, booked, new Date(booked.createdAt));
    return present(booked);
  }

  /** Claims the key for this request; false when another request holds or has answered it. */
  private async claimKey(id: string, userId: string, requestHash: string, now: Date): Promise<boolean> {
    const { idempotency } = this.deps;
    const lease = new Date(now.getTime() + 60_000);
    try {
      await idempotency.create({
        _id: id,
        userId,
        operation: 'bookAppointment',
        requestHash,
        state: 'PENDING',
        leaseUntil: lease,
        createdAt: now,
        expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_SECONDS * 1000),
      });
      return true;
    } catch (error) {
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
    }
    // A request that claimed the key and vanished (crash) gives it up when its lease ends.
    const taken = await idempotency.findOneAndUpdate(
      { _id: id, state: 'PENDING', requestHash, leaseUntil: { $lt: now } },
      { $set: { leaseUntil: lease } },
      { returnDocument: 'after' },
    );
    return taken !== null;
  }

  private async storeAnswer(id: string, status: number, body: unknown): Promise<void> {
    await this.deps.idempotency.updateOne(
      { _id: id, state: 'PENDING' },
      { $set: { state: 'DONE', response: { status, body } } },
    );
  }

  /** The stored answer of an earlier request with this key, waiting briefly if it is still running. */
  private async replay(id: string, requestHash: string): Promise<{ status: number; body: unknown }> {
    const deadline = Date.now() + IDEMPOTENCY_WAIT_MS;
    for (;;) {
      const doc = await this.deps.idempotency.findById(id).lean<IdempotencyDoc>();
      if (doc && doc.requestHash !== requestHash) {
        throw new AppError(422, 'IDEMPOTENCY_KEY_REUSED', '该请求编号已用于另一项预约，请重新发起预约');
      }
      if (doc?.state === 'DONE' && doc.response) {
        const { status, body } = doc.response;
        if (status >= 400) {
          const error = (body as { error: { code: string; message: string } & Record<string, unknown> }).error;
          const { code, message, ...extra } = error;
          throw new AppError(status, code, message, extra);
        }
        return { status, body };
      }
      if (!doc || Date.now() > deadline) {
        throw new AppError(409, 'REQUEST_IN_PROGRESS', '上一次预约请求仍在处理中，请稍后在“我的预约”中查看');
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async listMine(session: AuthSession) {
    const idNumber = await this.idNumberOf(session);
    const [appointments, booking] = await Promise.all([
      this.deps.halls.listAppointments(idNumber),
      this.deps.halls.bookingStatus(idNumber),
    ]);
    return { appointments: appointments.map(present), booking };
  }

  async cancel(session: AuthSession, appointmentId: string) {
    const idNumber = await this.idNumberOf(session);
    const cancelled = unwrap(await this.deps.halls.cancel(idNumber, appointmentId));
    await this.deps.reminders.updateOne(
      { _id: appointmentId, status: { $in: ['PENDING', 'SENDING'] } },
      { $set: { status: 'CANCELLED' } },
    );
    return present(cancelled);
  }

  async reschedule(session: AuthSession, appointmentId: string, slotId: string, fromSlotId?: string) {
    const idNumber = await this.idNumberOf(session);
    const moved = unwrap(await this.deps.halls.reschedule(idNumber, appointmentId, slotId, fromSlotId));
    // The hall service's time of the move (its clock is the one slot days are judged by).
    const movedAt = moved.moves.at(-1)?.at;
    await this.scheduleReminder(session.userId, moved, movedAt ? new Date(movedAt) : new Date());
    return present(moved);
  }

  /**
   * Records (or moves) the day-before reminder of a booking. `at` is when the booking was made
   * or moved: a booking for the same day gets no reminder.
   */
  private async scheduleReminder(userId: string, a: PlatformAppointment, at: Date): Promise<void> {
    const remindAt = reminderDueAt(a.date, at);
    const startsAt = new Date(a.startsAt);
    const fields = {
      userId,
      slotId: a.slotId,
      startsAt,
      // Kept a while after the appointment, and never purged sooner than that after it was
      // written: the hall service's clock may run apart from this server's (the TTL index reads
      // this server's time), and a record purged early would lose the reminder's outcome.
      purgeAt: new Date(Math.max(startsAt.getTime(), Date.now()) + REMINDER_KEPT_AFTER_MS),
    };
    if (!remindAt) {
      await this.deps.reminders.updateOne(
        { _id: a.appointmentId },
        { $set: { ...fields, remindAt: startsAt, status: 'SKIPPED', outcome: 'booked the same day' } },
        { upsert: true },
      );
      return;
    }
    await this.deps.reminders.updateOne(
      { _id: a.appointmentId },
      {
        $set: { ...fields, remindAt, status: 'PENDING', attempts: 0 },
        $unset: { claimedBy: 1, leaseUntil: 1, sentAt: 1, outcome: 1 },
      },
      { upsert: true },
    );
  }

  private async idNumberOf(session: AuthSession): Promise<string> {
    const account = await this.deps.accounts.get(session.userId);
    const identity = this.deps.accounts.revealIdentity(account);
    if (!identity)
      throw new AppError(403, 'LEVEL_REQUIRED', '此操作需要先完成实名认证', { requiredLevel: 'REAL_NAME' });
    return identity.idNumber;
  }
}
