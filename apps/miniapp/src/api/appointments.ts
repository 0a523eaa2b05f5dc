// Appointment operations of the BFF (operationIds in comments) and their answer shapes.
import { request } from './client';

export interface Hall {
  hallId: string;
  name: string;
  city: string;
  address: string;
  phone: string;
  distanceKm: number | null;
  openingText: string;
  serviceItems: Array<{ code: string; name: string; department: string }>;
}

export interface Slot {
  slotId: string;
  start: string;
  end: string;
  startsAt: string;
  capacity: number;
  remaining: number;
  bookable: boolean;
}

export interface SlotDay {
  date: string;
  open: boolean;
  note: string | null;
  slots: Slot[];
}

export type AppointmentStatus = 'BOOKED' | 'CANCELLED' | 'CHECKED_IN' | 'NO_SHOW';

export interface Appointment {
  appointmentId: string;
  status: AppointmentStatus;
  statusText: string;
  hallId: string;
  hallName: string;
  hallAddress: string;
  itemCode: string;
  itemName: string;
  windowName: string;
  slotId: string;
  date: string;
  start: string;
  end: string;
  startsAt: string;
  cancelCutoffAt: string;
  checkInCode: string;
  checkInQrText: string;
  createdAt: string;
}

export interface MyAppointments {
  appointments: Appointment[];
  booking: { suspended: boolean; suspendedUntil: string | null; recentNoShows: number; noShowLimit: number };
}

/** Refusals the pages explain in place (no toast). */
export const BOOKING_REFUSALS = [
  'SLOT_FULL',
  'BOOKING_SUSPENDED',
  'ALREADY_BOOKED_THAT_DAY',
  'SLOT_NOT_BOOKABLE',
  'CANCEL_CUTOFF_PASSED',
  'APPOINTMENT_NOT_ACTIVE',
  'APPOINTMENT_CHANGED',
  'LEVEL_REQUIRED',
  'UNAUTHENTICATED',
] as const;

/** listHalls */
export function listHalls(location?: { lat: number; lng: number }): Promise<{ halls: Hall[] }> {
  const query = location ? `?lat=${location.lat}&lng=${location.lng}` : '';
  return request(`/halls${query}`);
}

/** listSlots */
export function listSlots(
  hallId: string,
  itemCode: string,
  from?: string,
  to?: string,
): Promise<{ days: SlotDay[]; bookingHorizonDays: number }> {
  const params = [`itemCode=${encodeURIComponent(itemCode)}`, from ? `from=${from}` : '', to ? `to=${to}` : '']
    .filter(Boolean)
    .join('&');
  return request(`/halls/${encodeURIComponent(hallId)}/slots?${params}`);
}

/** A fresh key per booking attempt; a retry of the same attempt reuses it. */
export function newIdempotencyKey(): string {
  return `bk-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/**
 * bookAppointment. The key goes in the Idempotency-Key header, so a retried tap books once; the
 * option is passed through for the client to add to the request's headers.
 */
export function bookAppointment(
  input: { hallId: string; itemCode: string; slotId: string },
  idempotencyKey: string,
): Promise<Appointment> {
  const headers = { headers: { 'Idempotency-Key': idempotencyKey } } as object;
  return request('/appointments', { method: 'POST', data: input, quiet: BOOKING_REFUSALS, ...headers });
}

/** listMyAppointments */
export function listMyAppointments(): Promise<MyAppointments> {
  return request('/appointments', { quiet: ['LEVEL_REQUIRED', 'UNAUTHENTICATED'] });
}

/** cancelAppointment */
export function cancelAppointment(appointmentId: string): Promise<Appointment> {
  return request(`/appointments/${encodeURIComponent(appointmentId)}/cancel`, {
    method: 'POST',
    data: {},
    quiet: BOOKING_REFUSALS,
  });
}

/** rescheduleAppointment */
export function rescheduleAppointment(appointmentId: string, slotId: string, fromSlotId: string): Promise<Appointment> {
  return request(`/appointments/${encodeURIComponent(appointmentId)}/reschedule`, {
    method: 'POST',
    data: { slotId, fromSlotId },
    quiet: BOOKING_REFUSALS,
  });
}
