// The hall appointment service: halls and their slots, booking, cancelling, moving, no-shows
// and check-in. Seat counts change only through single-document conditional updates on the
// slot, and "one active booking per person per item per day" is a unique index, so no
// interleaving of requests can oversell a slot or double-book a person.
import { randomBytes, randomInt } from 'node:crypto';
import type { Deps } from '../../core/deps';
import { notFound, SandboxError } from '../../core/errors';
import type { HallRecord } from '../../seed/types';
import { SERVICE_ITEMS } from '../../seed/service-items';
import { planDay } from './calendar';
import { HALL_LOCATIONS } from './locations';
import { appointmentModels, type AppointmentDoc, type AppointmentStatus } from './model';
import { APPOINTMENT_RULES as RULES, DAY_MS, MINUTE_MS } from './rules';
import { addDays, chinaDate, findPlannedSlot, plannedSlots, type PlannedSlot } from './slots';

const ITEMS = new Map(SERVICE_ITEMS.map((item) => [item.code, item]));
const DUPLICATE_KEY = 11000;

function isDuplicateKey(error: unknown, field?: string): boolean {
  const e = error as { code?: number; keyPattern?: Record<string, unknown> } | null;
  if (e?.code !== DUPLICATE_KEY) return false;
  return field === undefined || !e.keyPattern || field in e.keyPattern;
}

const refuse = {
  itemNotAtHall: () => new SandboxError(422, 'ITEM_NOT_AT_HALL', '该办事大厅不办理此事项'),
  slotNotBookable: (why: string) => new SandboxError(422, 'SLOT_NOT_BOOKABLE', why),
  full: () => new SandboxError(409, 'SLOT_FULL', '该时段已约满，请选择其他时段'),
  duplicate: () => new SandboxError(409, 'ALREADY_BOOKED_THAT_DAY', '您当天已预约过该事项，同一事项每天只能预约一次'),
  suspended: (until: Date) =>
    new SandboxError(403, 'BOOKING_SUSPENDED', `因多次预约未到，您的预约资格暂停至 ${chinaDate(until)}`, {
      until: until.toISOString(),
    }),
  notActive: () => new SandboxError(409, 'APPOINTMENT_NOT_ACTIVE', '该预约已取消、已签到或已失效'),
  changed: () => new SandboxError(409, 'APPOINTMENT_CHANGED', '该预约刚刚被修改，请刷新后重试'),
  cutoff: (cutoffAt: Date) =>
    new SandboxError(409, 'CANCEL_CUTOFF_PASSED', `预约开始前 ${RULES.cancelCutoffMinutes} 分钟内不能取消或改约`, {
      cutoffAt: cutoffAt.toISOString(),
    }),
};

export function hallView(hall: HallRecord) {
  return {
    hallId: hall._id,
    name: hall.name,
    city: hall.city,
    divisionCode: hall.divisionCode,
    address: hall.address,
    phone: hall.phone,
    location: HALL_LOCATIONS[hall._id] ?? null,
    openingHours: hall.openingHours.map((h) => ({ weekdays: h.weekdays, open: h.open, close: h.close })),
    slotMinutes: hall.slotMinutes,
    capacityPerSlot: hall.capacityPerSlot,
    windows: hall.windows.map((w) => ({ windowNo: w.windowNo, name: w.name, serviceItems: w.serviceItems })),
    serviceItems: hall.serviceItems.map((code) => ({
      code,
      name: ITEMS.get(code)?.name ?? code,
      department: ITEMS.get(code)?.department ?? '',
    })),
  };
}

export function createAppointmentService({ models, clock }: Deps) {
  const { Hall } = models;
  const { Slot, Appointment, BookingBan } = appointmentModels(Hall.db);
  // The module's own indexes (the unique active key above all) exist before the first write.
  const ready = Promise.all([Slot.init(), Appointment.init(), BookingBan.init()]);

  async function hallOrThrow(hallId: string): Promise<HallRecord> {
    const hall = await Hall.findById(hallId).lean<HallRecord>();
    if (!hall) throw notFound('办事大厅不存在', 'HALL_NOT_FOUND');
    return hall;
  }

  function windowFor(hall: HallRecord, itemCode: string) {
    const window = hall.windows.find((w) => w.serviceItems.includes(itemCode));
    if (!window) throw refuse.itemNotAtHall();
    return window;
  }

  /** A slot that can be booked now, or the reason it cannot. */
  function bookableSlot(hall: HallRecord, slotId: string, now: Date): PlannedSlot {
    const slot = findPlannedSlot(hall, slotId);
    if (!slot) throw refuse.slotNotBookable('该时段不开放预约（非办公时间或节假日）');
    if (slot.startsAt.getTime() - RULES.bookUntilMinutesBeforeStart * MINUTE_MS <= now.getTime()) {
      throw refuse.slotNotBookable('该时段已过，请选择其他时段');
    }
    if (slot.date > addDays(chinaDate(now), RULES.bookingHorizonDays)) {
      throw refuse.slotNotBookable(`只能预约 ${RULES.bookingHorizonDays} 天内的时段`);
    }
    return slot;
  }

  async function assertNotSuspended(idNumber: string, now: Date): Promise<void> {
    const ban = await BookingBan.findById(idNumber).lean();
    if (ban && ban.suspendedUntil.getTime() > now.getTime()) throw refuse.suspended(ban.suspendedUntil);
  }

  /** Creates the slot document with the hall's default capacity if it is not there yet. */
  async function ensureSlot(hall: HallRecord, slot: PlannedSlot): Promise<void> {
    try {
      await Slot.updateOne(
        { _id: slot.slotId },
        {
          $setOnInsert: {
            hallId: hall._id,
            date: slot.date,
            start: slot.start,
            startsAt: slot.startsAt,
            capacity: hall.capacityPerSlot,
            booked: 0,
            remaining: hall.capacityPerSlot,
          },
        },
        { upsert: true },
      );
    } catch (error) {
      // Two first bookers raced to create it: the other one did.
      if (!isDuplicateKey(error)) throw error;
    }
  }

  /** One seat, or false when none is left: the only way a seat is ever taken. */
  async function takeSeat(slotId: string): Promise<boolean> {
    const taken = await Slot.findOneAndUpdate(
      { _id: slotId, remaining: { $gt: 0 } },
      { $inc: { remaining: -1, booked: 1 } },
      { projection: { _id: 1 } },
    ).lean();
    return taken !== null;
  }

  async function releaseSeat(slotId: string): Promise<void> {
    await Slot.updateOne({ _id: slotId, booked: { $gt: 0 } }, { $inc: { remaining: 1, booked: -1 } });
  }

  /** Eight digits the queue machine reads from the QR code or the resident types in. */
  const newCheckInCode = () => String(randomInt(10_000_000, 100_000_000));

  async function view(doc: AppointmentDoc) {
    const hall = await Hall.findById(doc.hallId, { name: 1, address: 1, windows: 1 }).lean<HallRecord>();
    const window = hall?.windows.find((w) => w.windowNo === doc.windowNo);
    return {
      appointmentId: doc._id,
      status: doc.status,
      hallId: doc.hallId,
      hallName: hall?.name ?? doc.hallId,
      hallAddress: hall?.address ?? '',
      itemCode: doc.itemCode,
      itemName: ITEMS.get(doc.itemCode)?.name ?? doc.itemCode,
      windowNo: doc.windowNo,
      windowName: window?.name ?? '',
      slotId: doc.slotId,
      date: doc.date,
      start: doc.start,
      end: doc.end,
      startsAt: doc.startsAt.toISOString(),
      endsAt: doc.endsAt.toISOString(),
      cancelCutoffAt: new Date(doc.startsAt.getTime() - RULES.cancelCutoffMinutes * MINUTE_MS).toISOString(),
      checkInCode: doc.checkInCode,
      createdAt: doc.createdAt.toISOString(),
      cancelledAt: doc.cancelledAt?.toISOString() ?? null,
      checkedInAt: doc.checkedInAt?.toISOString() ?? null,
      noShowAt: doc.noShowAt?.toISOString() ?? null,
      moves: doc.moves.map((m) => ({ fromSlotId: m.fromSlotId, toSlotId: m.toSlotId, at: m.at.toISOString() })),
    };
  }

  async function ownAppointment(id: string, idNumber: string | undefined): Promise<AppointmentDoc> {
    const doc = await Appointment.findById(id).lean<AppointmentDoc>();
    if (!doc || (idNumber !== undefined && doc.idNumber !== idNumber))
      throw notFound('预约不存在', 'APPOINTMENT_NOT_FOUND');
    return doc;
  }

  function assertBeforeCutoff(doc: AppointmentDoc, now: Date): void {
    const cutoff = doc.startsAt.getTime() - RULES.cancelCutoffMinutes * MINUTE_MS;
    if (now.getTime() >= cutoff) throw refuse.cutoff(new Date(cutoff));
  }

  const activeKey = (idNumber: string, itemCode: string, date: string) => `${idNumber}|${itemCode}|${date}`;

  return {
    ready,

    async listHalls(filter: { city?: string; itemCode?: string }) {
      const query: Record<string, unknown> = {};
      if (filter.city) query.city = filter.city;
      if (filter.itemCode) query.serviceItems = filter.itemCode;
      const halls = await Hall.find(query).sort({ _id: 1 }).lean<HallRecord[]>();
      return halls.map(hallView);
    },

    async getHall(hallId: string) {
      return hallView(await hallOrThrow(hallId));
    },

    async listSlots(hallId: string, input: { itemCode?: string; from?: string; to?: string }) {
      const hall = await hallOrThrow(hallId);
      if (input.itemCode) windowFor(hall, input.itemCode);
      const now = clock.now();
      const today = chinaDate(now);
      const from = input.from ?? today;
      const to = input.to ?? addDays(from, 6);
      if (to < from) throw new SandboxError(400, 'INVALID_REQUEST', '请求参数不正确：to 不能早于 from');
      if (to > addDays(from, RULES.maxListDays - 1))
        throw new SandboxError(400, 'INVALID_REQUEST', `请求参数不正确：一次最多查询 ${RULES.maxListDays} 天`);
      const lastBookable = addDays(today, RULES.bookingHorizonDays);
      const stored = await Slot.find({ hallId, date: { $gte: from, $lte: to } }, { capacity: 1, remaining: 1 }).lean();
      const seats = new Map(stored.map((s) => [s._id, s]));
      const days = [];
      for (let date = from; date <= to; date = addDays(date, 1)) {
        const plan = planDay(date, hall.openingHours);
        const slots = plannedSlots(hall, date).map((slot) => {
          const doc = seats.get(slot.slotId);
          const capacity = doc?.capacity ?? hall.capacityPerSlot;
          const remaining = Math.max(0, doc?.remaining ?? capacity);
          const open = slot.startsAt.getTime() > now.getTime() && date <= lastBookable;
          return {
            slotId: slot.slotId,
            date,
            start: slot.start,
            end: slot.end,
            startsAt: slot.startsAt.toISOString(),
            endsAt: slot.endsAt.toISOString(),
            capacity,
            remaining,
            bookable: open && remaining > 0,
          };
        });
        days.push({ date, open: plan.open, note: plan.note, slots });
      }
      return { hallId, slotMinutes: hall.slotMinutes, bookingHorizonDays: RULES.bookingHorizonDays, days };
    },

    async bookingStatus(idNumber: string) {
      const ban = await BookingBan.findById(idNumber).lean();
      const now = clock.now();
      const suspended = !!ban && ban.suspendedUntil.getTime() > now.getTime();
      const recentNoShows = await Appointment.countDocuments({
        idNumber,
        status: 'NO_SHOW',
        noShowAt: { $gt: new Date(now.getTime() - RULES.noShowWindowDays * DAY_MS) },
      });
      return {
        suspended,
        suspendedUntil: suspended ? ban!.suspendedUntil.toISOString() : null,
        recentNoShows,
        noShowLimit: RULES.noShowLimit,
      };
    },

    async book(idNumber: string, input: { hallId: string; itemCode: string; slotId: string }) {
      await ready;
      const now = clock.now();
      const hall = await hallOrThrow(input.hallId);
      const window = windowFor(hall, input.itemCode);
      const slot = bookableSlot(hall, input.slotId, now);
      await assertNotSuspended(idNumber, now);
      const key = activeKey(idNumber, input.itemCode, slot.date);
      // A cheap early answer; the unique index below is what actually enforces the rule.
      if (await Appointment.exists({ activeKey: key })) throw refuse.duplicate();

      await ensureSlot(hall, slot);
      if (!(await takeSeat(slot.slotId))) throw refuse.full();
      for (let attempt = 0; ; attempt += 1) {
        try {
          const created = await Appointment.create({
            _id: `AP${chinaDate(now).replaceAll('-', '')}${randomBytes(6).toString('hex').toUpperCase()}`,
            idNumber,
            hallId: hall._id,
            itemCode: input.itemCode,
            windowNo: window.windowNo,
            slotId: slot.slotId,
            date: slot.date,
            start: slot.start,
            end: slot.end,
            startsAt: slot.startsAt,
            endsAt: slot.endsAt,
            status: 'BOOKED',
            activeKey: key,
            checkInCode: newCheckInCode(),
            createdAt: now,
            cancelledAt: null,
            checkedInAt: null,
            noShowAt: null,
            moves: [],
          });
          return view(created.toObject());
        } catch (error) {
          if (isDuplicateKey(error, 'checkInCode') && attempt < 5) continue;
          await releaseSeat(slot.slotId);
          if (isDuplicateKey(error, 'activeKey')) throw refuse.duplicate();
          throw error;
        }
      }
    },

    async list(idNumber: string, status?: AppointmentStatus) {
      const docs = await Appointment.find({ idNumber, ...(status ? { status } : {}) })
        .sort({ startsAt: -1 })
        .limit(100)
        .lean<AppointmentDoc[]>();
      return Promise.all(docs.map(view));
    },

    async get(id: string, idNumber: string | undefined) {
      return view(await ownAppointment(id, idNumber));
    },

    async cancel(id: string, idNumber: string) {
      const now = clock.now();
      const doc = await ownAppointment(id, idNumber);
      if (doc.status !== 'BOOKED') throw refuse.notActive();
      assertBeforeCutoff(doc, now);
      const cancelled = await Appointment.findOneAndUpdate(
        {
          _id: id,
          status: 'BOOKED',
          slotId: doc.slotId,
          startsAt: { $gt: new Date(now.getTime() + RULES.cancelCutoffMinutes * MINUTE_MS) },
        },
        { $set: { status: 'CANCELLED', cancelledAt: now }, $unset: { activeKey: 1 } },
        { returnDocument: 'after' },
      ).lean<AppointmentDoc>();
      if (!cancelled) throw refuse.changed();
      await releaseSeat(doc.slotId);
      return view(cancelled);
    },

    /**
     * Moves a booking to another slot. The new seat is taken first; only when the booking
     * document has been switched to it (a conditional update that a concurrent move or
     * cancel makes miss) is the old seat given back. Whatever fails on the way gives back
     * the new seat and leaves the old booking exactly as it was.
     */
    async reschedule(id: string, idNumber: string, slotId: string, fromSlotId?: string) {
      await ready;
      const now = clock.now();
      const doc = await ownAppointment(id, idNumber);
      if (doc.status !== 'BOOKED') throw refuse.notActive();
      if (fromSlotId !== undefined && fromSlotId !== doc.slotId) throw refuse.changed();
      assertBeforeCutoff(doc, now);
      if (slotId === doc.slotId) throw refuse.slotNotBookable('新时段与原时段相同');
      const newHallId = slotId.split('_')[0] ?? '';
      const hall = await hallOrThrow(newHallId);
      const window = windowFor(hall, doc.itemCode);
      const slot = bookableSlot(hall, slotId, now);
      await assertNotSuspended(idNumber, now);
      const key = activeKey(idNumber, doc.itemCode, slot.date);
      if (slot.date !== doc.date && (await Appointment.exists({ activeKey: key }))) throw refuse.duplicate();

      await ensureSlot(hall, slot);
      if (!(await takeSeat(slot.slotId))) throw refuse.full();
      let moved: AppointmentDoc | null;
      try {
        moved = await Appointment.findOneAndUpdate(
          {
            _id: id,
            status: 'BOOKED',
            slotId: doc.slotId,
            startsAt: { $gt: new Date(now.getTime() + RULES.cancelCutoffMinutes * MINUTE_MS) },
          },
          {
            $set: {
              hallId: hall._id,
              windowNo: window.windowNo,
              slotId: slot.slotId,
              date: slot.date,
              start: slot.start,
              end: slot.end,
              startsAt: slot.startsAt,
              endsAt: slot.endsAt,
              activeKey: key,
            },
            $push: { moves: { fromSlotId: doc.slotId, toSlotId: slot.slotId, at: now } },
          },
          { returnDocument: 'after' },
        ).lean<AppointmentDoc>();
      } catch (error) {
        await releaseSeat(slot.slotId);
        if (isDuplicateKey(error, 'activeKey')) throw refuse.duplicate();
        throw error;
      }
      if (!moved) {
        await releaseSeat(slot.slotId);
        throw refuse.changed();
      }
      await releaseSeat(doc.slotId);
      return view(moved);
    },

    async setCapacity(hallId: string, slotId: string, capacity: number) {
      const hall = await hallOrThrow(hallId);
      const slot = findPlannedSlot(hall, slotId);
      if (!slot) throw notFound('该时段不存在', 'SLOT_NOT_FOUND');
      await ensureSlot(hall, slot);
      // Compare-and-set on the booked count, so a booking in between is never lost.
      for (let attempt = 0; attempt < 50; attempt += 1) {
        const current = await Slot.findById(slotId).lean();
        if (!current) continue;
        const updated = await Slot.findOneAndUpdate(
          { _id: slotId, booked: current.booked },
          { $set: { capacity, remaining: capacity - current.booked } },
          { returnDocument: 'after' },
        ).lean();
        if (updated)
          return {
            slotId,
            capacity: updated.capacity,
            booked: updated.booked,
            remaining: Math.max(0, updated.remaining),
          };
      }
      throw new SandboxError(409, 'SLOT_BUSY', '该时段正在被频繁预约，请稍后再试');
    },

    async markNoShow(id: string) {
      const now = clock.now();
      const doc = await ownAppointment(id, undefined);
      if (doc.status !== 'BOOKED') throw refuse.notActive();
      if (doc.startsAt.getTime() > now.getTime())
        throw new SandboxError(409, 'NOT_STARTED', '预约时段尚未开始，不能登记未到');
      const marked = await Appointment.findOneAndUpdate(
        { _id: id, status: 'BOOKED' },
        { $set: { status: 'NO_SHOW', noShowAt: now }, $unset: { activeKey: 1 } },
        { returnDocument: 'after' },
      ).lean<AppointmentDoc>();
      if (!marked) throw refuse.changed();
      const since = new Date(now.getTime() - RULES.noShowWindowDays * DAY_MS);
      const recent = await Appointment.countDocuments({
        idNumber: doc.idNumber,
        status: 'NO_SHOW',
        noShowAt: { $gt: since },
      });
      let suspendedUntil: Date | null = null;
      if (recent >= RULES.noShowLimit) {
        suspendedUntil = new Date(now.getTime() + RULES.suspensionDays * DAY_MS);
        await BookingBan.updateOne(
          { _id: doc.idNumber },
          {
            $max: { suspendedUntil },
            $set: { since: now, reason: `${RULES.noShowWindowDays} 天内预约未到 ${recent} 次` },
          },
          { upsert: true },
        );
      }
      return {
        appointment: await view(marked),
        recentNoShows: recent,
        suspendedUntil: suspendedUntil?.toISOString() ?? null,
      };
    },

    async checkIn(id: string, code: string | undefined) {
      const now = clock.now();
      const doc = await ownAppointment(id, undefined);
      if (code !== undefined && code !== doc.checkInCode)
        throw new SandboxError(422, 'CHECK_IN_CODE_WRONG', '签到码不正确');
      if (doc.status !== 'BOOKED') throw refuse.notActive();
      const opens = doc.startsAt.getTime() - RULES.checkInOpensMinutesBefore * MINUTE_MS;
      if (now.getTime() < opens)
        throw new SandboxError(
          409,
          'CHECK_IN_TOO_EARLY',
          `请在预约时段开始前 ${RULES.checkInOpensMinutesBefore} 分钟内签到`,
        );
      if (now.getTime() >= doc.endsAt.getTime())
        throw new SandboxError(409, 'CHECK_IN_TOO_LATE', '预约时段已结束，不能签到');
      const checked = await Appointment.findOneAndUpdate(
        { _id: id, status: 'BOOKED', slotId: doc.slotId },
        { $set: { status: 'CHECKED_IN', checkedInAt: now }, $unset: { activeKey: 1 } },
        { returnDocument: 'after' },
      ).lean<AppointmentDoc>();
      if (!checked) throw refuse.changed();
      return view(checked);
    },
  };
}
