// Service halls and appointments (the platform's `hall` service): halls, slots, bookings.
// Business refusals (full, suspended, past the cut-off ...) come back as values for the
// appointments module to word for the resident; only transport and shape problems throw.
import { z } from 'zod';
import type { PlatformHttp } from './http';
import { parseAnswer, unexpectedStatus } from './parse';

const SERVICE = 'hall';

const hall = z.object({
  hallId: z.string(),
  name: z.string(),
  city: z.string(),
  address: z.string(),
  phone: z.string(),
  location: z.object({ lat: z.number(), lng: z.number() }).nullable(),
  openingHours: z.array(z.object({ weekdays: z.array(z.number()), open: z.string(), close: z.string() })),
  slotMinutes: z.number(),
  windows: z.array(z.object({ windowNo: z.string(), name: z.string(), serviceItems: z.array(z.string()) })),
  serviceItems: z.array(z.object({ code: z.string(), name: z.string(), department: z.string() })),
});
export type PlatformHall = z.output<typeof hall>;

const slots = z.object({
  hallId: z.string(),
  slotMinutes: z.number(),
  bookingHorizonDays: z.number(),
  days: z.array(
    z.object({
      date: z.string(),
      open: z.boolean(),
      note: z.string().nullable(),
      slots: z.array(
        z.object({
          slotId: z.string(),
          date: z.string(),
          start: z.string(),
          end: z.string(),
          startsAt: z.string(),
          endsAt: z.string(),
          capacity: z.number(),
          remaining: z.number(),
          bookable: z.boolean(),
        }),
      ),
    }),
  ),
});
export type PlatformSlots = z.output<typeof slots>;

const appointment = z.object({
  appointmentId: z.string(),
  status: z.enum(['BOOKED', 'CANCELLED', 'CHECKED_IN', 'NO_SHOW']),
  hallId: z.string(),
  hallName: z.string(),
  hallAddress: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  windowNo: z.string(),
  windowName: z.string(),
  slotId: z.string(),
  date: z.string(),
  start: z.string(),
  end: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  cancelCutoffAt: z.string(),
  checkInCode: z.string(),
  createdAt: z.string(),
  cancelledAt: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  noShowAt: z.string().nullable(),
  moves: z.array(z.object({ fromSlotId: z.string(), toSlotId: z.string(), at: z.string() })).default([]),
});
export type PlatformAppointment = z.output<typeof appointment>;

const refusal = z.object({ error: z.object({ code: z.string(), message: z.string() }).catchall(z.unknown()) });

/** A refusal the resident can act on, with the platform's code and extra fields (until, cutoffAt). */
export interface HallRefusal {
  ok: false;
  status: number;
  code: string;
  details: Record<string, unknown>;
}

export type HallResult<T> = { ok: true; value: T } | HallRefusal;

/** Statuses that carry a business answer rather than a fault of ours or theirs. */
const BUSINESS_STATUSES = new Set([403, 404, 409, 422]);

export class HallsClient {
  constructor(private readonly http: PlatformHttp) {}

  async listHalls(filter: { city?: string; itemCode?: string }): Promise<PlatformHall[]> {
    const res = await this.http.request(SERVICE, { method: 'GET', path: '/v1/halls', query: filter });
    if (res.status !== 200) throw unexpectedStatus(SERVICE, 'list halls', res);
    return parseAnswer(SERVICE, 'list halls', z.object({ halls: z.array(hall) }), res.body).halls;
  }

  async listSlots(
    hallId: string,
    query: { itemCode?: string; from?: string; to?: string },
  ): Promise<HallResult<PlatformSlots>> {
    return this.answer(
      'list slots',
      slots,
      await this.http.request(SERVICE, { method: 'GET', path: `/v1/halls/${encodeURIComponent(hallId)}/slots`, query }),
    );
  }

  async book(
    idNumber: string,
    input: { hallId: string; itemCode: string; slotId: string },
  ): Promise<HallResult<PlatformAppointment>> {
    const res = await this.http.request(SERVICE, {
      method: 'POST',
      path: '/v1/halls/appointments',
      body: { idNumber, ...input },
    });
    return this.answer('book', appointment, res);
  }

  async listAppointments(idNumber: string): Promise<PlatformAppointment[]> {
    const res = await this.http.request(SERVICE, {
      method: 'GET',
      path: `/v1/halls/persons/${encodeURIComponent(idNumber)}/appointments`,
    });
    if (res.status !== 200) throw unexpectedStatus(SERVICE, 'list appointments', res);
    return parseAnswer(SERVICE, 'list appointments', z.object({ appointments: z.array(appointment) }), res.body)
      .appointments;
  }

  async bookingStatus(
    idNumber: string,
  ): Promise<{ suspended: boolean; suspendedUntil: string | null; recentNoShows: number; noShowLimit: number }> {
    const res = await this.http.request(SERVICE, {
      method: 'GET',
      path: `/v1/halls/persons/${encodeURIComponent(idNumber)}/booking-status`,
    });
    if (res.status !== 200) throw unexpectedStatus(SERVICE, 'booking status', res);
    const schema = z.object({
      suspended: z.boolean(),
      suspendedUntil: z.string().nullable(),
      recentNoShows: z.number(),
      noShowLimit: z.number(),
    });
    return parseAnswer(SERVICE, 'booking status', schema, res.body);
  }

  /** One appointment, whoever holds it (the caller checks ownership), or null. */
  async getAppointment(appointmentId: string): Promise<PlatformAppointment | null> {
    const res = await this.http.request(SERVICE, {
      method: 'GET',
      path: `/v1/halls/appointments/${encodeURIComponent(appointmentId)}`,
    });
    if (res.status === 404) return null;
    if (res.status !== 200) throw unexpectedStatus(SERVICE, 'get appointment', res);
    return parseAnswer(SERVICE, 'get appointment', appointment, res.body);
  }

  async cancel(idNumber: string, appointmentId: string): Promise<HallResult<PlatformAppointment>> {
    const res = await this.http.request(SERVICE, {
      method: 'POST',
      path: `/v1/halls/appointments/${encodeURIComponent(appointmentId)}/cancel`,
      body: { idNumber },
    });
    return this.answer('cancel', appointment, res);
  }

  async reschedule(
    idNumber: string,
    appointmentId: string,
    slotId: string,
    fromSlotId?: string,
  ): Promise<HallResult<PlatformAppointment>> {
    const res = await this.http.request(SERVICE, {
      method: 'POST',
      path: `/v1/halls/appointments/${encodeURIComponent(appointmentId)}/reschedule`,
      body: { idNumber, slotId, fromSlotId },
    });
    return this.answer('reschedule', appointment, res);
  }

  private answer<T extends z.ZodType>(
    what: string,
    schema: T,
    res: { status: number; body: unknown },
  ): HallResult<z.output<T>> {
    if (res.status === 200 || res.status === 201)
      return { ok: true, value: parseAnswer(SERVICE, what, schema, res.body) };
    if (BUSINESS_STATUSES.has(res.status)) {
      const parsed = refusal.safeParse(res.body);
      if (parsed.success) {
        const { code, message: _message, ...details } = parsed.data.error;
        return { ok: false, status: res.status, code, details };
      }
    }
    throw unexpectedStatus(SERVICE, what, res);
  }
}
