// Slot arithmetic: the slots a hall offers on a date (from its opening plan) and slot ids.
// Times are China time (UTC+8 all year: no daylight saving), so plain offsets are exact.
import type { HallRecord } from '../../seed/types';
import { planDay } from './calendar';
import { DAY_MS, MINUTE_MS } from './rules';

const CHINA_OFFSET_MS = 8 * 60 * MINUTE_MS;

export interface PlannedSlot {
  slotId: string;
  hallId: string;
  date: string;
  start: string;
  end: string;
  startsAt: Date;
  endsAt: Date;
}

/** 'YYYY-MM-DD' in China of an instant. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The instant of a China wall-clock time on a date. */
export function chinaInstant(date: string, time: string): Date {
  return new Date(`${date}T${time}:00+08:00`);
}

const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const toTime = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export function slotIdOf(hallId: string, date: string, start: string): string {
  return `${hallId}_${date.replaceAll('-', '')}_${start.replace(':', '')}`;
}

export function parseSlotId(slotId: string): { hallId: string; date: string; start: string } | null {
  const match = /^([A-Z0-9-]{3,40})_(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})$/.exec(slotId);
  if (!match) return null;
  const [, hallId, y, m, d, hh, mm] = match;
  return { hallId, date: `${y}-${m}-${d}`, start: `${hh}:${mm}` };
}

/** Every slot a hall offers on a date; none on a closed day. */
export function plannedSlots(
  hall: Pick<HallRecord, '_id' | 'openingHours' | 'slotMinutes'>,
  date: string,
): PlannedSlot[] {
  const plan = planDay(date, hall.openingHours);
  const slots: PlannedSlot[] = [];
  for (const period of plan.hours) {
    for (let m = toMinutes(period.open); m + hall.slotMinutes <= toMinutes(period.close); m += hall.slotMinutes) {
      const start = toTime(m);
      const end = toTime(m + hall.slotMinutes);
      slots.push({
        slotId: slotIdOf(hall._id, date, start),
        hallId: hall._id,
        date,
        start,
        end,
        startsAt: chinaInstant(date, start),
        endsAt: chinaInstant(date, end),
      });
    }
  }
  return slots;
}

/** The planned slot behind an id, or null when the hall does not offer it. */
export function findPlannedSlot(
  hall: Pick<HallRecord, '_id' | 'openingHours' | 'slotMinutes'>,
  slotId: string,
): PlannedSlot | null {
  const parsed = parseSlotId(slotId);
  if (!parsed || parsed.hallId !== hall._id) return null;
  return plannedSlots(hall, parsed.date).find((slot) => slot.slotId === slotId) ?? null;
}
