// The hall appointment service over real HTTP: devdb and the sandbox run as child processes.
import { makeIdNumber } from '../../../../src/rules/id-number';
import { startDevdb, type RunningDevdb } from '../../../../test-support/devdb';
import { startSandbox, type RunningSandbox } from '../../../../test-support/sandbox';
import { client, expectError, type Client } from '../../testing';

jest.setTimeout(60_000);

let devdb: RunningDevdb;
let sandbox: RunningSandbox;
let api: Client;
let serial = 0;
/** A fresh valid ID number per call (the service checks the checksum, not the register). */
const person = () => makeIdNumber('440106', '1985-01-01', (serial += 2) % 1000);
const HALL = 'HALL-GZ-01';
const ITEM = 'HJ-QR-GF';
const slot = (date: string, time: string) => `${HALL}_${date.replaceAll('-', '')}_${time.replace(':', '')}`;
const setClock = (now: string) => api.post('/sandbox/clock', { now });
const book = (idNumber: string, slotId: string, itemCode = ITEM) =>
  api.post('/v1/halls/appointments', { idNumber, hallId: HALL, itemCode, slotId });
const capacity = (slotId: string, value: number) =>
  api.call('PUT', `/sandbox/halls/${HALL}/slots/${slotId}/capacity`, { body: { capacity: value } });

beforeAll(async () => {
  devdb = await startDevdb();
  sandbox = await startSandbox({ mongodbUri: devdb.uri });
  api = client(sandbox.url, sandbox.platformKey);
});

afterAll(async () => {
  await api?.del('/sandbox/clock');
  await sandbox?.stop();
  await devdb?.stop();
});

beforeEach(async () => {
  // Monday 2 March 2026, 08:00 in China.
  await setClock('2026-03-02T08:00:00+08:00');
});

describe('halls and slots', () => {
  it('lists halls with windows, items, hours and position, filtered by item', async () => {
    const all = (await api.get('/v1/halls')).body.halls;
    expect(all.length).toBeGreaterThanOrEqual(10);
    const gz = all.find((h: any) => h.hallId === HALL);
    expect(gz.location).toEqual({ lat: expect.any(Number), lng: expect.any(Number) });
    expect(gz.serviceItems).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: ITEM, name: '购房落户' })]),
    );
    const marriage = (await api.get('/v1/halls?itemCode=HY-JH')).body.halls;
    expect(marriage.length).toBeLessThan(all.length);
    for (const hall of marriage) expect(hall.serviceItems.map((i: any) => i.code)).toContain('HY-JH');
    expect((await api.get('/v1/halls', { key: null })).status).toBe(401);
  });

  it('cuts open days into 30-minute slots and closes weekends and public holidays', async () => {
    await setClock('2026-04-01T08:00:00+08:00');
    const reply = await api.get(`/v1/halls/${HALL}/slots?itemCode=${ITEM}&from=2026-04-03&to=2026-04-07`);
    expect(reply.status).toBe(200);
    const byDate = Object.fromEntries(reply.body.days.map((d: any) => [d.date, d]));
    expect(byDate['2026-04-03'].open).toBe(true);
    expect(byDate['2026-04-03'].slots.map((s: any) => s.start)).toEqual([
      '09:00',
      '09:30',
      '10:00',
      '10:30',
      '11:00',
      '11:30',
      '13:00',
      '13:30',
      '14:00',
      '14:30',
      '15:00',
      '15:30',
      '16:00',
      '16:30',
    ]);
    expect(byDate['2026-04-06']).toMatchObject({ open: false, note: '清明节假期', slots: [] });
    expect(byDate['2026-04-05'].open).toBe(false);
    expect(byDate['2026-04-07'].slots[0]).toMatchObject({ remaining: expect.any(Number), bookable: true });
  });

  it('opens a make-up working day (调休) with weekday hours', async () => {
    await setClock('2026-05-06T08:00:00+08:00');
    const days = (await api.get(`/v1/halls/${HALL}/slots?from=2026-05-09&to=2026-05-10`)).body.days;
    expect(days[0]).toMatchObject({ date: '2026-05-09', open: true, note: '调休工作日' });
    expect(days[0].slots).toHaveLength(14);
    expect(days[1].open).toBe(false);
  });
});

describe('booking', () => {
  it('never oversells a slot under concurrent bookings and reports the rest as full', async () => {
    const slotId = slot('2026-03-03', '09:00');
    expect((await capacity(slotId, 5)).body).toMatchObject({ capacity: 5, remaining: 5 });
    const replies = await Promise.all(Array.from({ length: 30 }, () => book(person(), slotId)));
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s === 409)).toHaveLength(25);
    expectError(
      replies.find((r) => r.status === 409)!,
      409,
      'SLOT_FULL',
    );
    const listed = (await api.get(`/v1/halls/${HALL}/slots?from=2026-03-03&to=2026-03-03`)).body.days[0].slots[0];
    expect(listed).toMatchObject({ slotId, capacity: 5, remaining: 0, bookable: false });
    // Raising the capacity opens seats again without losing the bookings made.
    expect((await capacity(slotId, 7)).body).toMatchObject({ capacity: 7, booked: 5, remaining: 2 });
  });

  it('allows one active booking per person, item and day, even when tapped concurrently', async () => {
    const me = person();
    const replies = await Promise.all([
      book(me, slot('2026-03-04', '09:00')),
      book(me, slot('2026-03-04', '10:00')),
      book(me, slot('2026-03-04', '11:00')),
    ]);
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of replies.filter((x) => x.status !== 201)) expectError(r, 409, 'ALREADY_BOOKED_THAT_DAY');
    // Another item the same day, or the same item another day, is fine.
    expect((await book(me, slot('2026-03-04', '09:00'), 'SFZ-HL')).status).toBe(201);
    expect((await book(me, slot('2026-03-05', '09:00'))).status).toBe(201);
    // Seats tried and refused were given back.
    const day = (await api.get(`/v1/halls/${HALL}/slots?from=2026-03-04&to=2026-03-04`)).body.days[0].slots;
    const booked = day.filter((s: any) => s.remaining < s.capacity);
    expect(booked.reduce((n: number, s: any) => n + s.capacity - s.remaining, 0)).toBe(2);
  });

  it('refuses past slots, closed times, items the hall does not handle and bad input', async () => {
    expectError(await book(person(), slot('2026-03-02', '07:30')), 422, 'SLOT_NOT_BOOKABLE');
    expectError(await book(person(), slot('2026-03-01', '09:00')), 422, 'SLOT_NOT_BOOKABLE');
    expectError(await book(person(), slot('2026-03-30', '09:00')), 422, 'SLOT_NOT_BOOKABLE');
    await setClock('2026-03-02T09:10:00+08:00');
    expectError(await book(person(), slot('2026-03-02', '09:00')), 422, 'SLOT_NOT_BOOKABLE');
    expectError(
      await api.post('/v1/halls/appointments', {
        idNumber: person(),
        hallId: HALL,
        itemCode: 'XX-NONE',
        slotId: slot('2026-03-03', '10:00'),
      }),
      422,
      'ITEM_NOT_AT_HALL',
    );
    expectError(
      await api.post('/v1/halls/appointments', { hallId: HALL, itemCode: ITEM, slotId: slot('2026-03-03', '10:00') }),
      400,
      'INVALID_REQUEST',
    );
    expectError(await book('440106198501010000', slot('2026-03-03', '10:00')), 400, 'INVALID_ID_NUMBER');
  });
});

describe('cancel, reschedule, check-in, no-shows', () => {
  it('cancels until one hour before the slot and gives the seat back', async () => {
    const me = person();
    const slotId = slot('2026-03-02', '10:00');
    await capacity(slotId, 1);
    const booked = (await book(me, slotId)).body;
    expect(booked).toMatchObject({
      status: 'BOOKED',
      checkInCode: expect.stringMatching(/^\d{8}$/),
      cancelCutoffAt: '2026-03-02T01:00:00.000Z',
    });
    expectError(
      await api.post(`/v1/halls/appointments/${booked.appointmentId}/cancel`, { idNumber: person() }),
      404,
      'APPOINTMENT_NOT_FOUND',
    );
    const cancelled = await api.post(`/v1/halls/appointments/${booked.appointmentId}/cancel`, { idNumber: me });
    expect(cancelled.body).toMatchObject({ status: 'CANCELLED' });
    const mine = (await api.get(`/v1/halls/persons/${me}/appointments`)).body.appointments;
    expect(mine.map((a: any) => [a.appointmentId, a.status])).toEqual([[booked.appointmentId, 'CANCELLED']]);
    expectError(
      await api.post(`/v1/halls/appointments/${booked.appointmentId}/cancel`, { idNumber: me }),
      409,
      'APPOINTMENT_NOT_ACTIVE',
    );
    const again = (await book(me, slotId)).body;
    expect(again.status).toBe('BOOKED');
    await setClock('2026-03-02T09:01:00+08:00');
    const late = await api.post(`/v1/halls/appointments/${again.appointmentId}/cancel`, { idNumber: me });
    expectError(late, 409, 'CANCEL_CUTOFF_PASSED');
    expect(late.body.error.cutoffAt).toBe('2026-03-02T01:00:00.000Z');
  });

  it('moves a booking only when the new seat is taken, under concurrent moves', async () => {
    const me = person();
    const from = slot('2026-03-06', '09:00');
    const original = (await book(me, from)).body;
    const targets = ['10:00', '10:30', '11:00', '11:30'].map((t) => slot('2026-03-06', t));
    const full = slot('2026-03-06', '13:00');
    await capacity(full, 0);
    expectError(
      await api.post(`/v1/halls/appointments/${original.appointmentId}/reschedule`, { idNumber: me, slotId: full }),
      409,
      'SLOT_FULL',
    );
    expect((await api.get(`/v1/halls/appointments/${original.appointmentId}`)).body).toMatchObject({
      status: 'BOOKED',
      slotId: from,
    });

    // Each move names the slot it was made from: whether the four overlap (the conditional update
    // decides) or one arrives after another's move (its stale fromSlotId does), exactly one wins.
    const moves = await Promise.all(
      targets.map((slotId) =>
        api.post(`/v1/halls/appointments/${original.appointmentId}/reschedule`, {
          idNumber: me,
          slotId,
          fromSlotId: from,
        }),
      ),
    );
    const won = moves.filter((r) => r.status === 200);
    expect(won).toHaveLength(1);
    for (const r of moves.filter((x) => x.status !== 200)) expectError(r, 409, 'APPOINTMENT_CHANGED');
    const now = (await api.get(`/v1/halls/appointments/${original.appointmentId}`)).body;
    expect(now).toMatchObject({
      status: 'BOOKED',
      slotId: won[0].body.slotId,
      moves: [expect.objectContaining({ fromSlotId: from })],
    });
    const slots = (await api.get(`/v1/halls/${HALL}/slots?from=2026-03-06&to=2026-03-06`)).body.days[0].slots;
    const taken = slots.filter((s: any) => s.remaining < s.capacity).map((s: any) => s.slotId);
    expect(taken).toEqual([won[0].body.slotId]);
  });

  it('checks in with the code from an hour before until the slot ends', async () => {
    const me = person();
    const booked = (await book(me, slot('2026-03-03', '14:00'))).body;
    const checkIn = (code?: string) =>
      api.post(`/sandbox/appointments/${booked.appointmentId}/check-in`, code ? { code } : {});
    expectError(await checkIn(booked.checkInCode), 409, 'CHECK_IN_TOO_EARLY');
    await setClock('2026-03-03T13:20:00+08:00');
    expectError(await checkIn(booked.checkInCode === '12345678' ? '87654321' : '12345678'), 422, 'CHECK_IN_CODE_WRONG');
    expect((await checkIn(booked.checkInCode)).body).toMatchObject({
      status: 'CHECKED_IN',
      checkedInAt: expect.any(String),
    });
  });

  it('suspends booking for 30 days after 3 no-shows within 30 days', async () => {
    const me = person();
    const days = ['2026-03-03', '2026-03-04', '2026-03-05'];
    const ids: string[] = [];
    for (const d of days) ids.push((await book(me, slot(d, '09:00'))).body.appointmentId);
    expectError(await api.post(`/sandbox/appointments/${ids[0]}/no-show`), 409, 'NOT_STARTED');
    let last: any;
    for (const [i, d] of days.entries()) {
      await setClock(`${d}T12:00:00+08:00`);
      last = (await api.post(`/sandbox/appointments/${ids[i]}/no-show`)).body;
    }
    expect(last.recentNoShows).toBe(3);
    const expectedUntil = Date.parse('2026-03-05T12:00:00+08:00') + 30 * 86_400_000;
    expect(Math.abs(Date.parse(last.suspendedUntil) - expectedUntil)).toBeLessThan(60_000);
    const refused = await book(me, slot('2026-03-09', '09:00'));
    expectError(refused, 403, 'BOOKING_SUSPENDED');
    expect(refused.body.error.until).toBe(last.suspendedUntil);
    expect((await api.get(`/v1/halls/persons/${me}/booking-status`)).body).toMatchObject({
      suspended: true,
      recentNoShows: 3,
    });
    await setClock('2026-04-05T12:00:00+08:00');
    expect((await book(me, slot('2026-04-07', '09:00'))).status).toBe(201);
  });
});
