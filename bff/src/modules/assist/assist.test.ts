// 帮办代办 over HTTP: devdb and the sandbox as child processes, the BFF in this process. A guide
// logs in with the work mobile from the staff directory; residents log in by SMS and verify.
import { call, httpSuite, latestSmsCode, loginBySms } from '../../testing/harness';

jest.setTimeout(120_000);

const suite = httpSuite();
let residents: Array<{ name: string; idNumber: string }>;
let supervisorMobile: string;
let nextResident = 0;

const HALL = 'HALL-GZ-01';
const GRANTED = 'HJ-QR-GF';
let otherItem: string;
const slot = (date: string, time: string) => `${HALL}_${date.replaceAll('-', '')}_${time.replace(':', '')}`;
const sandbox = (method: string, path: string, body?: unknown) =>
  call(suite.platforms.sandbox.url, method, path, { body });
const api = (method: string, path: string, token?: string, body?: unknown, grantId?: string) =>
  call(suite.bff.url, method, path, { token, body, headers: grantId ? { 'X-Assist-Grant': grantId } : undefined });

function expectError(answer: { status: number; body: any }, status: number, code: string) {
  expect({ status: answer.status, code: answer.body?.error?.code }).toEqual({ status, code });
  expect(answer.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
}

async function verifiedResident() {
  const person = residents[nextResident++];
  const login = await loginBySms(suite.bff, suite.platforms.sandbox.url);
  const verified = await api('POST', '/api/identity/real-name', login.token, {
    name: person.name,
    idNumber: person.idNumber,
  });
  if (verified.status !== 200) throw new Error(`real-name answered ${verified.status}`);
  return { token: verified.body.token as string, mobile: login.mobile, person };
}

const guideTokens = new Map<string, string>();
/** Guides log in once per suite (the SMS gateway sends one code a minute per mobile). */
async function guide(key: 'guide-1' | 'guide-2') {
  const known = guideTokens.get(key);
  if (known) return known;
  const g = suite.guides.find((x) => x.key === key)!;
  const { token, body } = await loginBySms(suite.bff, suite.platforms.sandbox.url, g.mobile);
  expect(body.user.role).toBe('guide');
  guideTokens.set(key, token);
  return token;
}

async function openRequest(guideToken: string, mode: 'ASSIST' | 'PROXY' = 'PROXY', items = [GRANTED]) {
  const res = await api('POST', '/api/assist/requests', guideToken, { items, mode, durationMinutes: 120 });
  expect(res.status).toBe(201);
  return res.body;
}

/** A proxy grant by code for a fresh verified resident. */
async function proxyGrant(guideKey: 'guide-1' | 'guide-2' = 'guide-1', mode: 'ASSIST' | 'PROXY' = 'PROXY') {
  const resident = await verifiedResident();
  const request = await openRequest(await guide(guideKey), mode);
  const granted = await api('POST', '/api/assist/grants', resident.token, { code: request.qrText });
  expect(granted.status).toBe(201);
  return { resident, grantId: granted.body.grantId as string, grant: granted.body };
}

beforeAll(async () => {
  residents = (await sandbox('GET', '/sandbox/residents?limit=40&status=ACTIVE&offset=300')).body.residents;
  supervisorMobile = suite.staff.find((s: any) => s.role === 'supervisor').mobile;
  const hall = (await api('GET', '/api/halls')).body.halls.find((h: any) => h.hallId === HALL);
  otherItem = hall.serviceItems.map((i: any) => i.code).find((c: string) => c !== GRANTED);
  // Monday 2 March 2026, 08:00 China time: slot days are judged on the sandbox clock.
  await sandbox('POST', '/sandbox/clock', { now: '2026-03-02T08:00:00+08:00' });
});

describe('consent', () => {
  it('a guide opens a request; the resident previews and grants it with the QR text; the grant names both people', async () => {
    const token = await guide('guide-1');
    const request = await openRequest(token, 'PROXY', [GRANTED, otherItem]);
    expect(request).toMatchObject({
      status: 'OPEN',
      mode: 'PROXY',
      guide: { staffId: 'S9000011', name: '孙海燕' },
      items: [{ code: GRANTED, name: expect.any(String) }, { code: otherItem }],
    });
    expect(request.code).toMatch(/^\d{8}$/);
    expect(request.qrText).toBe(`BIANMIN-ASSIST:${request.code}`);

    const resident = await verifiedResident();
    const preview = await api('GET', `/api/assist/requests/by-code/${request.code}`, resident.token);
    expect(preview.body).toMatchObject({ guide: { name: '孙海燕' }, durationMinutes: 120, mode: 'PROXY' });

    const before = Date.now();
    const granted = await api('POST', '/api/assist/grants', resident.token, { code: request.qrText });
    expect(granted.status).toBe(201);
    const g = granted.body;
    expect(g).toMatchObject({
      mode: 'PROXY',
      state: 'ACTIVE',
      consentMethod: 'QR',
      guide: { staffId: 'S9000011', name: '孙海燕' },
      resident: { nameMasked: resident.person.name[0] + '*'.repeat(resident.person.name.length - 1) },
      hasLetter: true,
      actions: [],
    });
    const lasts = new Date(g.expiresAt).getTime() - before;
    expect(lasts).toBeGreaterThan(119 * 60_000);
    expect(lasts).toBeLessThanOrEqual(120 * 60_000 + 5_000);
    expect(JSON.stringify(g)).not.toContain(resident.person.idNumber);

    // The guide sees the request granted; the code grants once.
    const status = await api('GET', `/api/assist/requests/${request.requestId}`, token);
    expect(status.body).toMatchObject({ status: 'GRANTED', grantId: g.grantId });
    const other = await verifiedResident();
    expectError(
      await api('POST', '/api/assist/grants', other.token, { code: request.code }),
      409,
      'ASSIST_REQUEST_USED',
    );
  });

  it('refuses a wrong code, an expired request, an unverified resident, a non-guide and a long duration', async () => {
    const token = await guide('guide-1');
    const resident = await verifiedResident();
    expectError(
      await api('POST', '/api/assist/grants', resident.token, { code: '00000000' }),
      404,
      'ASSIST_REQUEST_NOT_FOUND',
    );

    const request = await openRequest(token);
    await suite.bff.store.collection('assist_requests').updateOne({ _id: request.requestId } as never, {
      $set: { expiresAt: new Date(Date.now() - 1000) },
    });
    expectError(
      await api('POST', '/api/assist/grants', resident.token, { code: request.code }),
      410,
      'ASSIST_REQUEST_EXPIRED',
    );

    const fresh = await openRequest(token);
    const unverified = await loginBySms(suite.bff, suite.platforms.sandbox.url);
    expectError(await api('POST', '/api/assist/grants', unverified.token, { code: fresh.code }), 403, 'LEVEL_REQUIRED');

    expectError(
      await api('POST', '/api/assist/requests', resident.token, {
        items: [GRANTED],
        mode: 'PROXY',
        durationMinutes: 60,
      }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await api('POST', '/api/assist/requests', token, { items: [GRANTED], mode: 'PROXY', durationMinutes: 300 }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await api('POST', '/api/assist/requests', token, { items: ['XX-NONE'], mode: 'PROXY', durationMinutes: 60 }),
      422,
      'ASSIST_ITEM_UNKNOWN',
    );
  });

  it('grants by an SMS code sent to the resident’s registered mobile, with limited tries', async () => {
    const token = await guide('guide-2');
    const resident = await verifiedResident();
    const request = await openRequest(token);

    // A mobile with no real-name account gets no code.
    const stranger = await loginBySms(suite.bff, suite.platforms.sandbox.url);
    expectError(
      await api('POST', `/api/assist/requests/${request.requestId}/sms-code`, token, { mobile: stranger.mobile }),
      422,
      'ASSIST_RESIDENT_NOT_ELIGIBLE',
    );

    // The gateway sends one message a minute per mobile: the resident's log-in code went just now.
    await sandbox('POST', '/sandbox/clock', { advanceSeconds: 61 });
    const sent = await api('POST', `/api/assist/requests/${request.requestId}/sms-code`, token, {
      mobile: resident.mobile,
    });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ sentTo: `${resident.mobile.slice(0, 3)}****${resident.mobile.slice(-4)}` });
    const outbox = (await sandbox('GET', `/sandbox/sms/outbox?mobile=${resident.mobile}`)).body.messages[0];
    expect(outbox.text).toContain('何伟');
    const code = await latestSmsCode(suite.platforms.sandbox.url, resident.mobile);

    const wrong = code === '000000' ? '000001' : '000000';
    const miss = await api('POST', `/api/assist/requests/${request.requestId}/sms-grant`, token, { code: wrong });
    expectError(miss, 400, 'ASSIST_SMS_CODE_INVALID');
    expect(miss.body.error.remainingAttempts).toBe(4);

    // Another guide cannot use this request.
    expectError(
      await api('POST', `/api/assist/requests/${request.requestId}/sms-grant`, await guide('guide-1'), { code }),
      404,
      'ASSIST_REQUEST_NOT_FOUND',
    );

    const granted = await api('POST', `/api/assist/requests/${request.requestId}/sms-grant`, token, { code });
    expect(granted.status).toBe(201);
    expect(granted.body).toMatchObject({ consentMethod: 'SMS', guide: { name: '何伟' }, state: 'ACTIVE' });
    const mine = await api('GET', '/api/assist/grants', resident.token);
    expect(mine.body.grants.map((g: any) => g.grantId)).toEqual([granted.body.grantId]);
  });

  it('burns the SMS code after five wrong tries', async () => {
    await sandbox('POST', '/sandbox/clock', { advanceSeconds: 61 });
    const token = await guide('guide-2');
    const resident = await verifiedResident();
    await sandbox('POST', '/sandbox/clock', { advanceSeconds: 61 });
    const request = await openRequest(token);
    expect(
      (await api('POST', `/api/assist/requests/${request.requestId}/sms-code`, token, { mobile: resident.mobile }))
        .status,
    ).toBe(200);
    const code = await latestSmsCode(suite.platforms.sandbox.url, resident.mobile);
    const wrong = code === '000000' ? '000001' : '000000';
    for (let i = 0; i < 5; i++)
      await api('POST', `/api/assist/requests/${request.requestId}/sms-grant`, token, { code: wrong });
    const late = await api('POST', `/api/assist/requests/${request.requestId}/sms-grant`, token, { code });
    expectError(late, 400, 'ASSIST_SMS_CODE_INVALID');
    expect(late.body.error.remainingAttempts).toBe(0);
  });
});

describe('acting under a proxy grant', () => {
  it('books inside the granted item as the resident, and records both people', async () => {
    const { resident, grantId } = await proxyGrant();
    const token = await guide('guide-1');
    const booked = await api(
      'POST',
      '/api/appointments',
      token,
      { hallId: HALL, itemCode: GRANTED, slotId: slot('2026-03-03', '09:00') },
      grantId,
    );
    expect(booked.status).toBe(201);
    // It is the resident's appointment: the resident sees it in their own list.
    const theirs = await api('GET', '/api/appointments', resident.token);
    expect(theirs.body.appointments.map((a: any) => a.appointmentId)).toContain(booked.body.appointmentId);

    const mine = (await api('GET', '/api/assist/grants', resident.token)).body.grants[0];
    expect(mine.actions).toEqual([
      expect.objectContaining({
        operationId: 'bookAppointment',
        operationName: '预约办事',
        itemCode: GRANTED,
        targetId: booked.body.appointmentId,
        result: 'OK',
        guide: { staffId: 'S9000011', name: '孙海燕' },
      }),
    ]);
    const stored = await suite.bff.store.collection('assist_actions').findOne({ grantId } as never);
    expect(String(stored!.residentAccountId)).toBe(await residentId(resident.token));
    expect(stored!.guide).toMatchObject({ staffId: 'S9000011', name: '孙海燕' });
  });

  it('refuses outside the items, after revocation, after expiry, in 帮办 mode, for another guide and for a resident', async () => {
    const { resident, grantId } = await proxyGrant();
    const token = await guide('guide-1');
    const outside = await api(
      'POST',
      '/api/appointments',
      token,
      { hallId: HALL, itemCode: otherItem, slotId: slot('2026-03-03', '10:00') },
      grantId,
    );
    expectError(outside, 403, 'ASSIST_ITEM_NOT_GRANTED');

    expectError(await api('GET', '/api/appointments', await guide('guide-2'), undefined, grantId), 403, 'FORBIDDEN');
    expectError(await api('GET', '/api/appointments', resident.token, undefined, grantId), 403, 'FORBIDDEN');
    // An operation that does not accept acting (the resident's own grants list) is refused.
    expectError(await api('GET', '/api/assist/grants', token, undefined, grantId), 403, 'ASSIST_NOT_ALLOWED');

    const revoked = await api('POST', `/api/assist/grants/${grantId}/revoke`, resident.token);
    expect(revoked.body).toMatchObject({ state: 'REVOKED', revokedAt: expect.any(String) });
    expectError(
      await api(
        'POST',
        '/api/appointments',
        token,
        { hallId: HALL, itemCode: GRANTED, slotId: slot('2026-03-03', '10:00') },
        grantId,
      ),
      403,
      'ASSIST_GRANT_REVOKED',
    );

    const second = await proxyGrant();
    await suite.bff.store.collection('assist_grants').updateOne({ _id: second.grantId } as never, {
      $set: { expiresAt: new Date(Date.now() - 1000) },
    });
    expectError(await api('GET', '/api/appointments', token, undefined, second.grantId), 403, 'ASSIST_GRANT_EXPIRED');
    const expired = (await api('GET', '/api/assist/grants', second.resident.token)).body.grants[0];
    expect(expired.state).toBe('EXPIRED');

    const helpOnly = await proxyGrant('guide-1', 'ASSIST');
    expectError(
      await api('GET', '/api/appointments', token, undefined, helpOnly.grantId),
      403,
      'ASSIST_MODE_NOT_PROXY',
    );
    expectError(
      await api('GET', `/api/assist/grants/${helpOnly.grantId}/letter`, helpOnly.resident.token),
      422,
      'ASSIST_MODE_NOT_PROXY',
    );

    // The refusals are in the record too.
    const record = (await api('GET', '/api/assist/grants', resident.token)).body.grants[0].actions;
    expect(record.map((a: any) => [a.operationId, a.result, a.errorCode])).toEqual([
      ['bookAppointment', 'REFUSED', 'ASSIST_ITEM_NOT_GRANTED'],
      ['bookAppointment', 'REFUSED', 'ASSIST_GRANT_REVOKED'],
    ]);
  });

  it('never lets a guide read a resident’s data without a live grant, and narrows reads to the granted items', async () => {
    const token = await guide('guide-1');
    // Without a grant the guide reads only their own (and has no real name).
    expectError(await api('GET', '/api/appointments', token), 403, 'LEVEL_REQUIRED');
    expectError(
      await api('GET', '/api/appointments', token, undefined, 'ag_AAAAAAAAAAAAAAAAAAAA'),
      404,
      'ASSIST_GRANT_NOT_FOUND',
    );

    const { resident, grantId } = await proxyGrant();
    // The resident books two items themselves; the guide sees only the granted one.
    for (const [item, time] of [
      [GRANTED, '14:00'],
      [otherItem, '15:00'],
    ] as const) {
      const own = await api('POST', '/api/appointments', resident.token, {
        hallId: HALL,
        itemCode: item,
        slotId: slot(item === GRANTED ? '2026-03-04' : '2026-03-05', time),
      });
      expect(own.status).toBe(201);
    }
    const seen = await api('GET', '/api/appointments', token, undefined, grantId);
    expect(seen.status).toBe(200);
    expect(seen.body.appointments.map((a: any) => a.itemCode)).toEqual([GRANTED]);

    // Cancelling the other item's appointment is refused; the granted one goes.
    const all = (await api('GET', '/api/appointments', resident.token)).body.appointments;
    const other = all.find((a: any) => a.itemCode === otherItem);
    const granted = all.find((a: any) => a.itemCode === GRANTED);
    expectError(
      await api('POST', `/api/appointments/${other.appointmentId}/cancel`, token, {}, grantId),
      403,
      'ASSIST_ITEM_NOT_GRANTED',
    );
    const cancelled = await api('POST', `/api/appointments/${granted.appointmentId}/cancel`, token, {}, grantId);
    expect(cancelled.body.status).toBe('CANCELLED');

    const record = (await api('GET', '/api/assist/grants', resident.token)).body.grants[0].actions;
    expect(record.map((a: any) => [a.operationName, a.result, a.targetId])).toEqual([
      ['查看预约', 'OK', null],
      ['取消预约', 'REFUSED', other.appointmentId],
      ['取消预约', 'OK', granted.appointmentId],
    ]);
  });
});

describe('visibility', () => {
  it('a resident sees only their own grants, revokes only their own, and views the 委托书', async () => {
    const a = await proxyGrant();
    const b = await proxyGrant('guide-2');
    const listA = (await api('GET', '/api/assist/grants', a.resident.token)).body.grants;
    expect(listA.map((g: any) => g.grantId)).toEqual([a.grantId]);
    expectError(
      await api('POST', `/api/assist/grants/${b.grantId}/revoke`, a.resident.token),
      404,
      'ASSIST_GRANT_NOT_FOUND',
    );
    expectError(
      await api('GET', `/api/assist/grants/${b.grantId}/letter`, a.resident.token),
      404,
      'ASSIST_GRANT_NOT_FOUND',
    );
    expect((await api('GET', '/api/assist/grants', b.resident.token)).body.grants[0].state).toBe('ACTIVE');

    const letter = await api('GET', `/api/assist/grants/${a.grantId}/letter`, a.resident.token);
    expect(letter.status).toBe(200);
    expect(letter.body).toMatchObject({
      title: '委托书',
      agent: { name: '孙海燕', staffId: 'S9000011', role: '社区帮办员' },
      principal: { nameMasked: a.grant.resident.nameMasked },
      items: [{ code: GRANTED }],
      state: 'ACTIVE',
    });
    expect(letter.body.letterNo).toMatch(/^代办委字第\d{8}[A-Z0-9_-]{6}号$/);
    expect(letter.body.paragraphs.join('')).toContain('免费代办');
    expect(JSON.stringify(letter.body)).not.toContain(a.resident.person.idNumber);
  });

  it('a guide sees their own grants; a supervisor sees them per guide', async () => {
    const a = await proxyGrant('guide-1');
    const b = await proxyGrant('guide-2');
    const g1 = (await api('GET', '/api/assist/guide-grants', await guide('guide-1'))).body;
    expect(g1.grants.every((g: any) => g.guide.staffId === 'S9000011')).toBe(true);
    expect(g1.grants.map((g: any) => g.grantId)).toContain(a.grantId);
    expect(g1.grants.map((g: any) => g.grantId)).not.toContain(b.grantId);
    // The guide sees whom they help by masked name, never the ID number.
    expect(g1.grants[0].resident.idNumberMasked).toBeNull();

    // guide-1's own residents cannot use the guide list.
    expectError(await api('GET', '/api/assist/guide-grants', a.resident.token), 403, 'FORBIDDEN');

    const sup = await loginBySms(suite.bff, suite.platforms.sandbox.url, supervisorMobile);
    const all = (await api('GET', '/api/assist/guide-grants', sup.token)).body;
    expect(all.byGuide.map((x: any) => x.staffId).sort()).toEqual(['S9000011', 'S9000012']);
    const onlyG2 = (await api('GET', '/api/assist/guide-grants?staffId=S9000012', sup.token)).body;
    expect(onlyG2.grants.length).toBeGreaterThan(0);
    expect(onlyG2.grants.every((g: any) => g.guide.staffId === 'S9000012')).toBe(true);
  });

  it('documents the operations and the grant header in OpenAPI', async () => {
    const doc = (await api('GET', '/api/openapi.json')).body;
    const ops = Object.values(doc.paths).flatMap((p: any) => Object.values(p)) as any[];
    const ids = ops.map((o) => o.operationId);
    for (const id of [
      'createAssistRequest',
      'grantAssist',
      'grantAssistBySms',
      'revokeAssist',
      'listMyGrants',
      'listGuideGrants',
    ])
      expect(ids).toContain(id);
    expect(doc.components.parameters.AssistGrantHeader).toMatchObject({ name: 'X-Assist-Grant', in: 'header' });
    for (const id of ['bookAppointment', 'listMyAppointments', 'cancelAppointment']) {
      const op = ops.find((o) => o.operationId === id);
      expect(op.parameters).toContainEqual({ $ref: '#/components/parameters/AssistGrantHeader' });
    }
    const book = ops.find((o) => o.operationId === 'bookAppointment');
    expect(book.parameters.some((p: any) => p.name === 'Idempotency-Key')).toBe(true);
  });
});

async function residentId(token: string): Promise<string> {
  return (await api('GET', '/api/me', token)).body.user.id;
}
