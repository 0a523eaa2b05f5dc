// Appointments over HTTP: devdb and the sandbox as child processes, the BFF in this process.
// Slot days are judged on the sandbox clock, which each test sets.
import { openStore } from '../../store';
import { call, httpSuite, loginBySms } from '../../testing/harness';
import { createReminderJob } from './routes';

jest.setTimeout(120_000);

const suite = httpSuite();
let residents: Array<{ name: string; idNumber: string }>;
let nextResident = 0;

const HALL = 'HALL-GZ-01';
const ITEM = 'HJ-QR-GF';
const slot = (date: string, time: string, hall = HALL) =>
  `${hall}_${date.replaceAll('-', '')}_${time.replace(':', '')}`;
const sandbox = (method: string, path: string, body?: unknown) =>
  call(suite.platforms.sandbox.url, method, path, { body });
const setClock = (now: string) => sandbox('POST', '/sandbox/clock', { now });
const setCapacity = (slotId: string, capacity: number) =>
  sandbox('PUT', `/sandbox/halls/${slotId.split('_')[0]}/slots/${slotId}/capacity`, { capacity });
const api = (method: string, path: string, token?: string, body?: unknown, headers?: Record<string, string>) =>
  call(suite.bff.url, method, path, { token, body, headers });
const book = (token: string, slotId: string, key?: string, itemCode = ITEM) =>
  api(
    'POST',
    '/api/appointments',
    token,
    { hallId: slotId.split('_')[0], itemCode, slotId },
    key ? { 'Idempotency-Key': key } : undefined,
  );

function expectError(answer: { status: number; body: any }, status: number, code: string) {
  expect({ status: answer.status, code: answer.body?.error?.code }).toEqual({ status, code });
  expect(answer.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
}

/** A resident logged in by SMS and real-name verified as the next seeded person. */
async function verifiedResident(login?: () => Promise<{ token: string }>) {
  const person = residents[nextResident++];
  const { token } = login ? await login() : await loginBySms(suite.bff, suite.platforms.sandbox.url);
  const verified = await api('POST', '/api/identity/real-name', token, {
    name: person.name,
    idNumber: person.idNumber,
  });
  if (verified.status !== 200)
    throw new Error(`real-name answered ${verified.status} ${JSON.stringify(verified.body)}`);
  return { token: verified.body.token as string, person };
}

beforeAll(async () => {
  residents = (await sandbox('GET', '/sandbox/residents?limit=200&status=ACTIVE&offset=100')).body.residents;
});

beforeEach(async () => {
  // Monday 2 March 2026, 08:00 China time.
  await setClock('2026-03-02T08:00:00+08:00');
});

describe('listHalls and listSlots', () => {
  it('lists halls with hours and items, nearest first when a location is given', async () => {
    const all = await api('GET', '/api/halls');
    expect(all.status).toBe(200);
    expect(all.body.halls.length).toBeGreaterThanOrEqual(10);
    expect(all.body.halls[0].distanceKm).toBeNull();
    // Standing near Tianhe, Guangzhou.
    const near = await api('GET', '/api/halls?lat=23.13&lng=113.33');
    const first = near.body.halls[0];
    expect(first).toMatchObject({ city: '广州市', distanceKm: expect.any(Number) });
    expect(first.distanceKm).toBeLessThan(5);
    const distances = near.body.halls.map((h: any) => h.distanceKm);
    expect(distances).toEqual([...distances].sort((a: number, b: number) => a - b));
    expect(first.openingText).toContain('周一至周五 09:00-12:00');
    expect(first.serviceItems).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: ITEM, name: '购房落户' })]),
    );
    const marriage = await api('GET', '/api/halls?itemCode=HY-JH');
    for (const hall of marriage.body.halls) expect(hall.serviceItems.map((i: any) => i.code)).toContain('HY-JH');
    expectError(await api('GET', '/api/halls?lat=23.1'), 400, 'VALIDATION_FAILED');
  });

  it('lists slots with remaining seats on working days only', async () => {
    await setClock('2026-04-01T08:00:00+08:00');
    const answer = await api('GET', `/api/halls/${HALL}/slots?itemCode=${ITEM}&from=2026-04-03&to=2026-04-07`);
    expect(answer.status).toBe(200);
    const days = Object.fromEntries(answer.body.days.map((d: any) => [d.date, d]));
    expect(days['2026-04-03'].slots).toHaveLength(14);
    expect(days['2026-04-03'].slots[0]).toMatchObject({
      start: '09:00',
      end: '09:30',
      remaining: expect.any(Number),
      bookable: true,
    });
    expect(days['2026-04-06']).toMatchObject({ open: false, note: '清明节假期' });
    expectError(await api('GET', `/api/halls/HALL-XX-99/slots`), 404, 'HALL_NOT_FOUND');
    expectError(await api('GET', `/api/halls/${HALL}/slots?itemCode=XX-NONE`), 422, 'ITEM_NOT_AT_HALL');
  });

  it('documents every appointment operation with its security', async () => {
    const doc = (await api('GET', '/api/openapi.json')).body;
    const ops: Record<string, any> = {};
    for (const item of Object.values<any>(doc.paths))
      for (const op of Object.values<any>(item)) ops[op.operationId] = op;
    for (const id of [
      'listHalls',
      'listSlots',
      'bookAppointment',
      'listMyAppointments',
      'cancelAppointment',
      'rescheduleAppointment',
    ])
      expect(ops[id]).toBeDefined();
    expect(ops.bookAppointment.security).toEqual([{ bearerAuth: [] }]);
    expect(ops.listHalls.security).toEqual([]);
    expect(ops.bookAppointment.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key', in: 'header' })]),
    );
    expect(ops.bookAppointment.responses['409'].description).toContain('SLOT_FULL');
  });
});

describe('bookAppointment', () => {
  it('needs a log-in and the real-name level', async () => {
    expectError(await book('', slot('2026-03-03', '09:00')), 401, 'UNAUTHENTICATED');
    const { token } = await loginBySms(suite.bff, suite.platforms.sandbox.url);
    const refused = await book(token, slot('2026-03-03', '09:00'));
    expectError(refused, 403, 'LEVEL_REQUIRED');
    expect(refused.body.error.requiredLevel).toBe('REAL_NAME');
  });

  it('books with a check-in code and QR text and shows it in my appointments', async () => {
    const { token } = await verifiedResident();
    const booked = await book(token, slot('2026-03-03', '09:30'));
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({
      status: 'BOOKED',
      statusText: '已预约',
      hallId: HALL,
      itemCode: ITEM,
      itemName: '购房落户',
      date: '2026-03-03',
      start: '09:30',
      end: '10:00',
      checkInCode: expect.stringMatching(/^\d{8}$/),
      cancelCutoffAt: '2026-03-03T00:30:00.000Z',
    });
    expect(booked.body.checkInQrText).toContain(booked.body.checkInCode);
    expect(JSON.stringify(booked.body)).not.toMatch(/\d{17}[\dX]/);
    const mine = await api('GET', '/api/appointments', token);
    expect(mine.status).toBe(200);
    expect(mine.body.appointments.map((a: any) => a.appointmentId)).toEqual([booked.body.appointmentId]);
    expect(mine.body.booking).toMatchObject({ suspended: false, recentNoShows: 0 });
    // Logs never carry the full ID number.
    const idNumbers = residents.slice(0, nextResident).map((r) => r.idNumber);
    for (const line of suite.bff.logs) for (const id of idNumbers) expect(line).not.toContain(id);
  });

  it('answers a retried tap with the same booking, also when the retries race', async () => {
    const { token } = await verifiedResident();
    const slotId = slot('2026-03-04', '09:00');
    const first = await book(token, slotId, 'tap-retry-0001');
    const again = await book(token, slotId, 'tap-retry-0001');
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);

    const raced = await Promise.all(
      Array.from({ length: 6 }, () => book(token, slot('2026-03-05', '09:00'), 'tap-race-0002')),
    );
    expect(raced.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect(new Set(raced.map((r) => r.body.appointmentId)).size).toBe(1);

    const mine = (await api('GET', '/api/appointments', token)).body.appointments;
    expect(mine).toHaveLength(2);
    // A refusal is replayed too, and a key cannot be reused for another booking.
    const dup1 = await book(token, slot('2026-03-04', '10:00'), 'tap-dup-0003');
    expectError(dup1, 409, 'ALREADY_BOOKED_THAT_DAY');
    expect((await book(token, slot('2026-03-04', '10:00'), 'tap-dup-0003')).body).toEqual({
      ...dup1.body,
      requestId: expect.any(String),
    });
    expectError(await book(token, slot('2026-03-06', '10:00'), 'tap-retry-0001'), 422, 'IDEMPOTENCY_KEY_REUSED');
    expectError(await book(token, slot('2026-03-06', '10:00'), 'bad key!'), 400, 'IDEMPOTENCY_KEY_INVALID');
  });

  it('says the slot is full, never overselling it', async () => {
    const slotId = slot('2026-03-03', '11:00');
    await setCapacity(slotId, 2);
    const people = await Promise.all([verifiedResident(), verifiedResident(), verifiedResident(), verifiedResident()]);
    const answers = await Promise.all(people.map((p) => book(p.token, slotId)));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(2);
    const refused = answers.filter((a) => a.status !== 201);
    expect(refused).toHaveLength(2);
    for (const a of refused) expectError(a, 409, 'SLOT_FULL');
    const slots = (await api('GET', `/api/halls/${HALL}/slots?from=2026-03-03&to=2026-03-03`)).body.days[0].slots;
    expect(slots.find((s: any) => s.slotId === slotId)).toMatchObject({ capacity: 2, remaining: 0, bookable: false });
  });

  it('allows one booking per person, item and day', async () => {
    const { token } = await verifiedResident();
    expect((await book(token, slot('2026-03-03', '13:00'))).status).toBe(201);
    const second = await book(token, slot('2026-03-03', '15:00'));
    expectError(second, 409, 'ALREADY_BOOKED_THAT_DAY');
    expect((await book(token, slot('2026-03-03', '15:00'), undefined, 'SFZ-HL')).status).toBe(201);
  });

  it('refuses slots in the past or outside opening hours', async () => {
    const { token } = await verifiedResident();
    expectError(await book(token, slot('2026-03-02', '07:30')), 422, 'SLOT_NOT_BOOKABLE');
    expectError(await book(token, slot('2026-03-07', '14:00')), 422, 'SLOT_NOT_BOOKABLE');
    expectError(
      await api('POST', '/api/appointments', token, { hallId: HALL, itemCode: ITEM }),
      400,
      'VALIDATION_FAILED',
    );
  });
});

describe('cancelAppointment and rescheduleAppointment', () => {
  it('cancels until one hour before and then refuses with the cut-off', async () => {
    const { token } = await verifiedResident();
    const first = (await book(token, slot('2026-03-02', '14:00'))).body;
    const cancelled = await api('POST', `/api/appointments/${first.appointmentId}/cancel`, token);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'CANCELLED', statusText: '已取消' });
    expectError(
      await api('POST', `/api/appointments/${first.appointmentId}/cancel`, token),
      409,
      'APPOINTMENT_NOT_ACTIVE',
    );

    const second = (await book(token, slot('2026-03-02', '14:00'))).body;
    expect(second.status).toBe('BOOKED');
    await setClock('2026-03-02T13:10:00+08:00');
    const late = await api('POST', `/api/appointments/${second.appointmentId}/cancel`, token);
    expectError(late, 409, 'CANCEL_CUTOFF_PASSED');
    expect(late.body.error.cutoffAt).toBe('2026-03-02T05:00:00.000Z');
    expect(late.body.error.message).toContain('3月2日 13:00');
    expectError(
      await api('POST', `/api/appointments/${second.appointmentId}/reschedule`, token, {
        slotId: slot('2026-03-02', '16:00'),
      }),
      409,
      'CANCEL_CUTOFF_PASSED',
    );
    // Someone else's booking is not found.
    const other = await verifiedResident();
    expectError(
      await api('POST', `/api/appointments/${second.appointmentId}/cancel`, other.token),
      404,
      'APPOINTMENT_NOT_FOUND',
    );
  });

  it('keeps the old slot when the new one is full, and moves exactly once under a race', async () => {
    const { token } = await verifiedResident();
    const from = slot('2026-03-09', '09:00');
    const original = (await book(token, from)).body;
    const full = slot('2026-03-09', '09:30');
    await setCapacity(full, 0);
    expectError(
      await api('POST', `/api/appointments/${original.appointmentId}/reschedule`, token, { slotId: full }),
      409,
      'SLOT_FULL',
    );
    let mine = (await api('GET', '/api/appointments', token)).body.appointments;
    expect(mine).toEqual([
      expect.objectContaining({ appointmentId: original.appointmentId, status: 'BOOKED', slotId: from }),
    ]);

    const targets = ['10:00', '10:30', '11:00', '11:30', '13:00'].map((t) => slot('2026-03-09', t));
    // Five taps from the same screen, each saying which slot it saw (fromSlotId). Held at the hall
    // service's door for a moment, they mostly read the booking before any of them moves it (the
    // conditional update decides); one that arrives after a move is refused by its stale
    // fromSlotId. Either way exactly one moves the booking, however the machine spreads them.
    expect((await sandbox('POST', '/sandbox/faults', { service: 'hall', latencyMs: 500 })).status).toBe(200);
    const moves = await Promise.all(
      targets.map((slotId) =>
        api('POST', `/api/appointments/${original.appointmentId}/reschedule`, token, { slotId, fromSlotId: from }),
      ),
    ).finally(() => sandbox('DELETE', '/sandbox/faults'));
    const won = moves.filter((m) => m.status === 200);
    expect(won).toHaveLength(1);
    for (const m of moves.filter((x) => x.status !== 200)) expectError(m, 409, 'APPOINTMENT_CHANGED');
    // A later tap from the old screen is refused too and changes nothing.
    expectError(
      await api('POST', `/api/appointments/${original.appointmentId}/reschedule`, token, {
        slotId: slot('2026-03-09', '14:00'),
        fromSlotId: from,
      }),
      409,
      'APPOINTMENT_CHANGED',
    );
    mine = (await api('GET', '/api/appointments', token)).body.appointments;
    expect(mine).toEqual([
      expect.objectContaining({ appointmentId: original.appointmentId, status: 'BOOKED', slotId: won[0].body.slotId }),
    ]);
    // Exactly one seat is held that day: the winner's; the old one and the losers' were given back.
    const slots = (await api('GET', `/api/halls/${HALL}/slots?from=2026-03-09&to=2026-03-09`)).body.days[0].slots;
    const held = slots.filter((s: any) => s.slotId !== full && s.remaining < s.capacity).map((s: any) => s.slotId);
    expect(held).toEqual([won[0].body.slotId]);
  });
});

describe('no-shows', () => {
  it('suspends booking for 30 days after 3 no-shows in 30 days (sandbox clock)', async () => {
    const { token } = await verifiedResident();
    const days = ['2026-03-03', '2026-03-04', '2026-03-05'];
    const ids: string[] = [];
    for (const d of days) ids.push((await book(token, slot(d, '09:00'))).body.appointmentId);
    for (const [i, d] of days.entries()) {
      await setClock(`${d}T11:00:00+08:00`);
      expect((await sandbox('POST', `/sandbox/appointments/${ids[i]}/no-show`)).status).toBe(200);
    }
    const refused = await book(token, slot('2026-03-10', '09:00'));
    expectError(refused, 403, 'BOOKING_SUSPENDED');
    expect(Date.parse(refused.body.error.until)).toBeGreaterThan(Date.parse('2026-04-04T00:00:00+08:00'));
    expect(refused.body.error.message).toContain('2026年4月4日');
    const mine = (await api('GET', '/api/appointments', token)).body;
    expect(mine.booking).toMatchObject({ suspended: true, recentNoShows: 3 });
    expect(mine.appointments.map((a: any) => a.statusText)).toEqual(['未到', '未到', '未到']);
    await setClock('2026-04-05T12:00:00+08:00');
    expect((await book(token, slot('2026-04-07', '09:00'))).status).toBe(201);
  });
});

describe('reminders', () => {
  // Each test counts what the job sends, so it starts without the reminders of earlier bookings
  // in this file (those stay due: their days are in the past on this machine's clock).
  beforeEach(async () => {
    await suite.bff.store.collection('appointment_reminders').deleteMany({});
  });

  async function wechatLogin(openid: string) {
    const { code } = (await sandbox('POST', '/sandbox/wechat/code', { openid })).body;
    const login = await api('POST', '/api/auth/wechat-login', undefined, { code });
    if (login.status !== 200) throw new Error(`wechat-login answered ${login.status}`);
    return { token: login.body.token as string };
  }

  it('sends the day-before reminder exactly once across racing runners and restarts', async () => {
    const openid = `o${'bianminAppointmentReminder'.padEnd(27, 'x')}`;
    const viaWechat = await verifiedResident(() => wechatLogin(openid));
    const mobileLogin = await loginBySms(suite.bff, suite.platforms.sandbox.url);
    const viaSms = await verifiedResident(async () => mobileLogin);
    const sameDay = await verifiedResident();
    const a = (await book(viaWechat.token, slot('2026-03-03', '10:00'))).body;
    const b = (await book(viaSms.token, slot('2026-03-03', '10:30'))).body;
    const c = (await book(sameDay.token, slot('2026-03-02', '16:00'))).body;
    expect([a.status, b.status, c.status]).toEqual(['BOOKED', 'BOOKED', 'BOOKED']);

    const secondStore = await openStore(suite.bff.config.mongodbUri!);
    const runners = [
      createReminderJob({ store: suite.bff.store, platform: suite.bff.platform, logger: silent }),
      createReminderJob({ store: suite.bff.store, platform: suite.bff.platform, logger: silent }),
      createReminderJob({ store: secondStore, platform: suite.bff.platform, logger: silent }),
    ];
    try {
      // Not due before 10:00 the day before.
      expect(await runners[0].runOnce(new Date('2026-03-02T09:59:00+08:00'))).toBe(0);
      const due = '2026-03-02T10:05:00+08:00';
      await setClock(due);
      const sent = await Promise.all(runners.map((r) => r.runOnce(new Date(due))));
      expect(sent.reduce((x, y) => x + y, 0)).toBe(2);
      // A restarted instance finds nothing left to send.
      const restarted = createReminderJob({ store: secondStore, platform: suite.bff.platform, logger: silent });
      expect(await restarted.runOnce(new Date('2026-03-02T11:00:00+08:00'))).toBe(0);
    } finally {
      await secondStore.close();
    }

    const wechat = (await sandbox('GET', `/sandbox/wechat/outbox?openid=${openid}`)).body.messages;
    expect(wechat).toHaveLength(1);
    expect(JSON.stringify(wechat[0])).toContain(a.checkInCode);
    const sms = (await sandbox('GET', `/sandbox/sms/outbox?mobile=${mobileLogin.mobile}`)).body.messages.filter(
      (m: any) => m.templateId === 'NOTICE',
    );
    expect(sms).toHaveLength(1);
    expect(sms[0].text).toContain('3月3日 10:30');
    const reminders = await suite.bff.store.collection('appointment_reminders').find({}).toArray();
    const byId = Object.fromEntries(reminders.map((r: any) => [r._id, r]));
    expect(byId[a.appointmentId]).toMatchObject({ status: 'SENT', channel: 'wechat' });
    expect(byId[b.appointmentId]).toMatchObject({ status: 'SENT', channel: 'sms' });
    expect(byId[c.appointmentId]).toMatchObject({ status: 'SKIPPED' });
  });

  it('sends nothing for a cancelled booking', async () => {
    const { token } = await verifiedResident();
    const booked = (await book(token, slot('2026-03-04', '14:00'))).body;
    expect((await api('POST', `/api/appointments/${booked.appointmentId}/cancel`, token)).status).toBe(200);
    const runner = createReminderJob({ store: suite.bff.store, platform: suite.bff.platform, logger: silent });
    expect(await runner.runOnce(new Date('2026-03-03T10:05:00+08:00'))).toBe(0);
    const reminder = await suite.bff.store
      .collection('appointment_reminders')
      .findOne({ _id: booked.appointmentId } as never);
    expect(reminder?.status).toBe('CANCELLED');
  });
});

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined } as any;
