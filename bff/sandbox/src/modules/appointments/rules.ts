// The booking rules of the service halls in one place, so a city can change them without
// touching the flows. Values follow common practice (domain brief, "Appointments at service
// halls"); each one is a simplification a real hall system configures per hall or per item.
export const APPOINTMENT_RULES = {
  /** Length of a slot, minutes. */
  slotMinutes: 30,
  /** Cancelling (or moving) is allowed until this long before the slot starts. */
  cancelCutoffMinutes: 60,
  /** How far ahead slots can be booked, in calendar days (today counts as day 0). */
  bookingHorizonDays: 14,
  /** A slot can be booked until it starts. */
  bookUntilMinutesBeforeStart: 0,
  /** This many no-shows within the window suspend booking ... */
  noShowLimit: 3,
  noShowWindowDays: 30,
  /** ... for this long. */
  suspensionDays: 30,
  /** Check-in at the hall opens this long before the slot and closes when the slot ends. */
  checkInOpensMinutesBefore: 60,
  /** Most days one slot listing may span. */
  maxListDays: 31,
} as const;

export const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;
