// The sandbox over real HTTP: devdb and the sandbox run as child processes.
import { startDevdb, type RunningDevdb } from '../../test-support/devdb';
import { startSandbox, type RunningSandbox } from '../../test-support/sandbox';
import { makeIdNumber, validateIdNumber } from '../../src/rules/id-number';
import { client, expectError, type Client } from './testing';

// Child processes start and seed; jest's 5 s default is too short on a busy 2-core machine.
jest.setTimeout(60_000);

let devdb: RunningDevdb;
let sandbox: RunningSandbox;
let api: Client;
let personas: any;
/** A valid number that nobody in the population holds (the seed never uses 1900 birth dates). */
const UNKNOWN_ID = makeIdNumber('110101', '1900-01-01', 1);

const persona = (key: string) => personas.residents.find((p: any) => p.key === key);
const jscode = (code: string, overrides: Record<string, string> = {}) => {
  const params = new URLSearchParams({
    appid: 'wxbianminsandbox',
    secret: 'sandbox-wechat-secret',
    js_code: code,
    grant_type: 'authorization_code',
    ...overrides,
  });
  return `/v1/wechat/sns/jscode2session?${params}`;
};

beforeAll(async () => {
  devdb = await startDevdb();
  sandbox = await startSandbox({ mongodbUri: devdb.uri });
  api = client(sandbox.url, sandbox.platformKey);
  personas = (await api.get('/sandbox/personas', { key: null })).body;
});

afterAll(async () => {
  expect(await sandbox?.stop()).toBe(0);
  await devdb?.stop();
});

afterEach(async () => {
  await api.del('/sandbox/clock');
  await api.del('/sandbox/faults');
});

describe('basics', () => {
  it('answers healthz and serves an OpenAPI 3.1 document naming every operation', async () => {
    expect((await api.get('/healthz', { key: null })).body).toEqual({ ok: true });
    const doc = (await api.get('/v1/openapi.json', { key: null })).body;
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes.platformKey).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: 'X-Platform-Key',
    });
    const operationIds = Object.values(doc.paths).flatMap((p: any) =>
      Object.values(p).map((op: any) => op.operationId),
    );
    expect(operationIds).toEqual(
      expect.arrayContaining([
        'wechatCode2Session',
        'wechatSendSubscribeMessage',
        'smsSend',
        'identityVerify',
        'identityStartFace',
        'identityGetFace',
        'staffByMobile',
        'sandboxPersonas',
        'sandboxSetFault',
        'sandboxSetClock',
      ]),
    );
    expect(doc.paths['/v1/sms/send'].post.security).toEqual([{ platformKey: [] }]);
  });

  it('refuses /v1 calls without the key or with a wrong key, and keeps the helpers open', async () => {
    const calls: Array<[string, string, unknown?]> = [
      ['GET', jscode('whatever-code')],
      ['POST', '/v1/wechat/subscribe/send', {}],
      ['POST', '/v1/sms/send', {}],
      ['POST', '/v1/identity/verify', {}],
      ['POST', '/v1/identity/face/sessions', {}],
      ['GET', '/v1/identity/face/sessions/abcdefghijklmnopqrstuvwx'],
      ['GET', '/v1/staff/by-mobile/13900000101'],
    ];
    for (const [method, path, body] of calls) {
      expectError(await api.call(method, path, { body, key: null }), 401, 'PLATFORM_UNAUTHORIZED');
      expectError(await api.call(method, path, { body, key: 'wrong-key-123' }), 401, 'PLATFORM_UNAUTHORIZED');
    }
    expect((await api.get('/sandbox/personas', { key: null })).status).toBe(200);
  });
});

describe('personas', () => {
  it('lists the demo residents with log-in details and holdings', () => {
    const keys = personas.residents.map((p: any) => p.key);
    expect(keys).toEqual([
      'mortgaged-owner',
      'co-owner-a',
      'co-owner-b',
      'spouse-a',
      'spouse-b',
      'elder',
      'graduate',
      'no-property',
      'cancelled',
    ]);
    for (const p of personas.residents) {
      expect(validateIdNumber(p.idNumber)).toMatchObject({ ok: true, birthDate: p.birthDate, sex: p.sex });
      expect(p.mobile).toMatch(/^1390000000\d$/);
      expect(p.wechatOpenid).toMatch(/^o[\w-]{27}$/);
      expect(p.label).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(persona('mortgaged-owner').holds.titles[0]).toMatchObject({ status: 'MORTGAGED' });
    const a = persona('co-owner-a').holds.titles[0];
    const b = persona('co-owner-b').holds.titles[0];
    expect(a.certificateNumber).toBe(b.certificateNumber);
    expect(a.coOwners).toEqual([persona('co-owner-b').name]);
    expect(persona('spouse-a').city).not.toBe(persona('spouse-b').city);
    const marriage = (key: string) => persona(key).holds.licences.find((l: any) => l.type === 'MARRIAGE');
    expect(marriage('spouse-a').licenceNumber).toBe(marriage('spouse-b').licenceNumber);
    expect(Number(new Date().getFullYear()) - Number(persona('elder').birthDate.slice(0, 4))).toBeGreaterThanOrEqual(
      70,
    );
    expect(persona('graduate').holds.licences.some((l: any) => l.type === 'GRADUATION' && l.trustLevel === 'A')).toBe(
      true,
    );
    expect(persona('no-property').holds.titles).toEqual([]);
    expect(persona('cancelled').status).toBe('CANCELLED');
  });

  it('lists staff, a supervisor and guides whom the staff directory finds by mobile', async () => {
    expect(personas.staff.map((s: any) => s.key)).toEqual(['staff-1', 'staff-2', 'supervisor']);
    expect(personas.guides.map((s: any) => s.key)).toEqual(['guide-1', 'guide-2']);
    for (const member of [...personas.staff, ...personas.guides]) {
      const reply = await api.get(`/v1/staff/by-mobile/${member.mobile}`);
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ staffId: member.staffId, name: member.name, role: member.role });
    }
    expect(personas.staff.find((s: any) => s.key === 'supervisor').role).toBe('supervisor');
  });
});

describe('staff directory', () => {
  it('answers 404 for an unknown mobile and 400 for a malformed one', async () => {
    expectError(await api.get('/v1/staff/by-mobile/13811112222'), 404, 'STAFF_NOT_FOUND');
    expectError(await api.get('/v1/staff/by-mobile/12345'), 400, 'INVALID_REQUEST');
  });
});

describe('wechat', () => {
  const openid = () => persona('elder').wechatOpenid as string;

  it('exchanges a code once for the persona openid, then refuses reuse', async () => {
    const issued = await api.post('/sandbox/wechat/code', { openid: openid() });
    expect(issued.status).toBe(200);
    expect(issued.body.expiresIn).toBe(300);
    const first = await api.get(jscode(issued.body.code));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ openid: openid() });
    expect(first.body.session_key).toEqual(expect.any(String));
    expect((await api.get(jscode(issued.body.code))).body).toEqual({ errcode: 40163, errmsg: 'code been used' });
  });

  it('expires codes after 300 s on the sandbox clock', async () => {
    const early = (await api.post('/sandbox/wechat/code', { openid: openid() })).body.code;
    const late = (await api.post('/sandbox/wechat/code', { openid: openid() })).body.code;
    await api.post('/sandbox/clock', { advanceSeconds: 290 });
    expect((await api.get(jscode(early))).body.openid).toBe(openid());
    await api.post('/sandbox/clock', { advanceSeconds: 15 });
    expect((await api.get(jscode(late))).body).toEqual({ errcode: 40029, errmsg: 'invalid code' });
  });

  it('answers bad codes and credentials in WeChat shape', async () => {
    const code = (await api.post('/sandbox/wechat/code', { openid: openid() })).body.code;
    expect((await api.get(jscode('never-issued-code'))).body.errcode).toBe(40029);
    expect((await api.get(jscode(code, { appid: 'wxother' }))).body.errcode).toBe(40013);
    expect((await api.get(jscode(code, { secret: 'nope' }))).body.errcode).toBe(40125);
    expect((await api.get(jscode(code, { grant_type: 'client_credential' }))).body.errcode).toBe(40002);
    expect((await api.get('/v1/wechat/sns/jscode2session')).body.errcode).toBe(41008);
    // None of the refusals used the code up.
    expect((await api.get(jscode(code))).body.openid).toBe(openid());
    expectError(await api.post('/sandbox/wechat/code', { openid: 'not-an-openid' }), 400, 'INVALID_REQUEST');
  });

  it('sends subscription messages into the outbox, newest first', async () => {
    const touser = persona('graduate').wechatOpenid;
    const send = (n: number) =>
      api.post('/v1/wechat/subscribe/send', {
        touser,
        template_id: 'TPL_progress_0001',
        page: 'pages/index',
        data: { thing1: { value: `进度 ${n}` } },
      });
    expect((await send(1)).body).toMatchObject({ errcode: 0, errmsg: 'ok', msgid: expect.any(String) });
    await send(2);
    const outbox = await api.get(`/sandbox/wechat/outbox?openid=${touser}`, { key: null });
    expect(outbox.body.messages.map((m: any) => m.data.thing1.value)).toEqual(['进度 2', '进度 1']);
    expect(
      (await api.post('/v1/wechat/subscribe/send', { touser: 'bad', template_id: 'TPL_progress_0001', data: {} })).body
        .errcode,
    ).toBe(40003);
    expect((await api.post('/v1/wechat/subscribe/send', { touser, template_id: '', data: {} })).body.errcode).toBe(
      40037,
    );
    expect((await api.post('/v1/wechat/subscribe/send', { touser })).body.errcode).toBe(47003);
  });
});

describe('sms', () => {
  it('sends a login code into the outbox with its text and code', async () => {
    const reply = await api.post('/v1/sms/send', {
      mobile: '13512340001',
      templateId: 'LOGIN_CODE',
      params: { code: '482913', minutes: '5' },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.messageId).toEqual(expect.any(String));
    const outbox = (await api.get('/sandbox/sms/outbox?mobile=13512340001')).body.messages;
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      messageId: reply.body.messageId,
      templateId: 'LOGIN_CODE',
      code: '482913',
      mobile: '13512340001',
    });
    expect(outbox[0].text).toContain('482913');
  });

  it('limits one message a minute per mobile, with retryAfterSeconds', async () => {
    const send = (code: string) =>
      api.post('/v1/sms/send', { mobile: '13512340002', templateId: 'LOGIN_CODE', params: { code } });
    expect((await send('111111')).status).toBe(200);
    const limited = await send('222222');
    expectError(limited, 429, 'SMS_RATE_LIMITED');
    expect(limited.body.error.retryAfterSeconds).toBeGreaterThan(0);
    expect(limited.body.error.retryAfterSeconds).toBeLessThanOrEqual(60);
    // Another number is not affected.
    expect(
      (
        await api.post('/v1/sms/send', {
          mobile: '13512340003',
          templateId: 'NOTICE',
          params: { text: '您的预约已确认' },
        })
      ).status,
    ).toBe(200);
    await api.post('/sandbox/clock', { advanceSeconds: 61 });
    expect((await send('333333')).status).toBe(200);
    const codes = (await api.get('/sandbox/sms/outbox?mobile=13512340002')).body.messages.map((m: any) => m.code);
    expect(codes).toEqual(['333333', '111111']);
  });

  it('limits 20 messages a day per mobile, until the next day', async () => {
    await api.post('/sandbox/clock', { now: '2027-03-02T08:00:00+08:00' });
    const send = () =>
      api.post('/v1/sms/send', {
        mobile: '13512340004',
        templateId: 'ASSIST_GRANT_CODE',
        params: { code: '654321', guideName: '孙海燕' },
      });
    for (let i = 0; i < 20; i += 1) {
      expect((await send()).status).toBe(200);
      await api.post('/sandbox/clock', { advanceSeconds: 61 });
    }
    const limited = await send();
    expectError(limited, 429, 'SMS_RATE_LIMITED');
    expect(limited.body.error.retryAfterSeconds).toBeGreaterThan(3600 * 14);
    await api.post('/sandbox/clock', { now: '2027-03-03T00:00:30+08:00' });
    expect((await send()).status).toBe(200);
  });

  it('refuses malformed sends with a 400 naming the field', async () => {
    const bad: unknown[] = [
      {},
      { mobile: '1351234', templateId: 'LOGIN_CODE', params: { code: '123456' } },
      { mobile: '13512340005', templateId: 'UNKNOWN', params: {} },
      { mobile: '13512340005', templateId: 'LOGIN_CODE', params: { code: '12ab' } },
      { mobile: '13512340005', templateId: 'NOTICE', params: { text: '' } },
      { mobile: '13512340005', templateId: 'LOGIN_CODE' },
    ];
    for (const body of bad) {
      const reply = await api.post('/v1/sms/send', body);
      expectError(reply, 400, 'INVALID_REQUEST');
    }
    expect(
      (await api.post('/v1/sms/send', { mobile: '1351234', templateId: 'LOGIN_CODE', params: { code: '123456' } })).body
        .error.message,
    ).toContain('mobile');
    expect((await api.get('/sandbox/sms/outbox?mobile=13512340005')).body.messages).toEqual([]);
  });
});

describe('identity', () => {
  it('matches name and number, and reports mismatch, unknown and cancelled', async () => {
    const owner = persona('mortgaged-owner');
    expect((await api.post('/v1/identity/verify', { name: owner.name, idNumber: owner.idNumber })).body).toEqual({
      result: 'MATCH',
      personId: owner.personId,
    });
    expect((await api.post('/v1/identity/verify', { name: '陈志', idNumber: owner.idNumber })).body).toEqual({
      result: 'MISMATCH',
    });
    // A valid number that nobody holds.
    expect(validateIdNumber(UNKNOWN_ID).ok).toBe(true);
    expect((await api.post('/v1/identity/verify', { name: '张三', idNumber: UNKNOWN_ID })).body).toEqual({
      result: 'NOT_FOUND',
    });
    const cancelled = persona('cancelled');
    expect(
      (await api.post('/v1/identity/verify', { name: cancelled.name, idNumber: cancelled.idNumber })).body,
    ).toEqual({ result: 'CANCELLED' });
    // Lower-case x is accepted.
    const withX = (await api.get('/sandbox/residents?limit=5000', { key: null })).body.residents.find(
      (r: any) => r.idNumber.endsWith('X') && r.status === 'ACTIVE',
    );
    expect(
      (await api.post('/v1/identity/verify', { name: withX.name, idNumber: withX.idNumber.toLowerCase() })).body.result,
    ).toBe('MATCH');
  });

  it('refuses a number failing GB 11643 with INVALID_ID_NUMBER and the reason', async () => {
    const owner = persona('mortgaged-owner');
    const wrongCheck = owner.idNumber.slice(0, 17) + (owner.idNumber[17] === '0' ? '1' : '0');
    const reply = await api.post('/v1/identity/verify', { name: owner.name, idNumber: wrongCheck });
    expectError(reply, 400, 'INVALID_ID_NUMBER');
    expect(reply.body.error.reason).toBe('ID_NUMBER_CHECKSUM');
    expect((await api.post('/v1/identity/verify', { name: owner.name, idNumber: '1234' })).body.error.reason).toBe(
      'ID_NUMBER_LENGTH',
    );
    expectError(
      await api.post('/v1/identity/verify', { name: 'Zhang San', idNumber: owner.idNumber }),
      400,
      'INVALID_REQUEST',
    );
  });

  it('runs a face check: start, H5 page, complete once, read the result', async () => {
    const elder = persona('elder');
    const started = await api.post('/v1/identity/face/sessions', { name: elder.name, idNumber: elder.idNumber });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ status: 'PENDING', token: expect.any(String) });
    expect(started.body.h5Url).toBe(`${sandbox.url}/sandbox/face/${started.body.token}`);
    const page = await fetch(started.body.h5Url);
    const html = await page.text();
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(html).toContain('通过');
    expect(html).toContain('不通过');
    expect(html).not.toContain(elder.idNumber);
    const { token } = started.body;
    expect((await api.get(`/v1/identity/face/sessions/${token}`)).body).toMatchObject({
      status: 'PENDING',
      idNumber: elder.idNumber,
      name: elder.name,
      completedAt: null,
    });
    expect((await api.post(`/sandbox/face/${token}/complete`, { result: 'pass' }, { key: null })).body).toMatchObject({
      token,
      status: 'PASS',
    });
    expectError(await api.post(`/sandbox/face/${token}/complete`, { result: 'fail' }), 409, 'FACE_SESSION_COMPLETED');
    const read = (await api.get(`/v1/identity/face/sessions/${token}`)).body;
    expect(read).toMatchObject({ status: 'PASS', completedAt: expect.any(String) });

    const second = (await api.post('/v1/identity/face/sessions', { name: elder.name, idNumber: elder.idNumber })).body
      .token;
    await api.post(`/sandbox/face/${second}/complete`, { result: 'fail' });
    expect((await api.get(`/v1/identity/face/sessions/${second}`)).body.status).toBe('FAIL');
  });

  it('expires a pending face check after 10 minutes on the sandbox clock', async () => {
    const owner = persona('graduate');
    const { token } = (await api.post('/v1/identity/face/sessions', { name: owner.name, idNumber: owner.idNumber }))
      .body;
    await api.post('/sandbox/clock', { advanceSeconds: 601 });
    expect((await api.get(`/v1/identity/face/sessions/${token}`)).body.status).toBe('EXPIRED');
    expectError(await api.post(`/sandbox/face/${token}/complete`, { result: 'pass' }), 409, 'FACE_SESSION_EXPIRED');
  });

  it('starts face checks only for matching, active people', async () => {
    const cancelled = persona('cancelled');
    const refused = await api.post('/v1/identity/face/sessions', {
      name: cancelled.name,
      idNumber: cancelled.idNumber,
    });
    expectError(refused, 422, 'IDENTITY_NOT_MATCHED');
    expect(refused.body.error.result).toBe('CANCELLED');
    expectError(
      await api.post('/v1/identity/face/sessions', { name: '王五', idNumber: persona('elder').idNumber }),
      422,
      'IDENTITY_NOT_MATCHED',
    );
    expectError(
      await api.get('/v1/identity/face/sessions/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'),
      404,
      'FACE_SESSION_NOT_FOUND',
    );
    expectError(await api.get('/v1/identity/face/sessions/bad!token'), 400, 'INVALID_REQUEST');
    expectError(
      await api.post('/sandbox/face/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/complete', { result: 'pass' }),
      404,
      'FACE_SESSION_NOT_FOUND',
    );
    expectError(
      await api.post('/sandbox/face/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/complete', { result: 'maybe' }),
      400,
      'INVALID_REQUEST',
    );
  });
});

describe('faults', () => {
  it('answers 503 SANDBOX_FAULT for a service with errorRate 1, leaving others alone, until cleared', async () => {
    const set = await api.post('/sandbox/faults', { service: 'staff', errorRate: 1 });
    expect(set.body.faults).toEqual({ staff: { errorRate: 1 } });
    expectError(await api.get('/v1/staff/by-mobile/13900000101'), 503, 'SANDBOX_FAULT');
    expect((await api.post('/v1/identity/verify', { name: '张三', idNumber: UNKNOWN_ID })).status).toBe(200);
    expect((await api.get('/sandbox/faults')).body.faults).toEqual({ staff: { errorRate: 1 } });
    await api.del('/sandbox/faults');
    expect((await api.get('/v1/staff/by-mobile/13900000101')).status).toBe(200);
  });

  it('adds latency and resets connections, for one service or all (*)', async () => {
    await api.post('/sandbox/faults', { service: '*', latencyMs: 300 });
    const started = Date.now();
    expect((await api.get('/v1/staff/by-mobile/13900000101')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    await api.post('/sandbox/faults', { service: 'identity', latencyMs: 0, resetRate: 1 });
    await expect(api.post('/v1/identity/verify', { name: '张三', idNumber: UNKNOWN_ID })).rejects.toThrow();
    await api.del('/sandbox/faults?service=identity');
    expect((await api.post('/v1/identity/verify', { name: '张三', idNumber: UNKNOWN_ID })).status).toBe(200);
    await api.del('/sandbox/faults');
    const quick = Date.now();
    await api.get('/v1/staff/by-mobile/13900000101');
    expect(Date.now() - quick).toBeLessThan(250);
  });

  it('fails about as often as errorRate says', async () => {
    await api.post('/sandbox/faults', { service: 'staff', errorRate: 0.5 });
    const statuses: number[] = [];
    for (let i = 0; i < 60; i += 1) statuses.push((await api.get('/v1/staff/by-mobile/13900000101')).status);
    const failures = statuses.filter((s) => s === 503).length;
    expect(failures).toBeGreaterThan(10);
    expect(failures).toBeLessThan(50);
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
  });

  it('refuses malformed fault settings', async () => {
    expectError(await api.post('/sandbox/faults', { service: 'mail', errorRate: 1 }), 400, 'INVALID_REQUEST');
    expectError(await api.post('/sandbox/faults', { service: 'sms', errorRate: 2 }), 400, 'INVALID_REQUEST');
    expectError(await api.post('/sandbox/faults', { service: 'sms', latencyMs: -1 }), 400, 'INVALID_REQUEST');
    expect((await api.get('/sandbox/faults')).body.faults).toEqual({});
  });
});

describe('clock', () => {
  it('moves, advances and resets', async () => {
    const moved = await api.post('/sandbox/clock', { now: '2027-05-01T09:00:00+08:00' });
    expect(moved.body.shifted).toBe(true);
    expect(Math.abs(Date.parse(moved.body.now) - Date.parse('2027-05-01T01:00:00Z'))).toBeLessThan(2000);
    const advanced = await api.post('/sandbox/clock', { advanceSeconds: 3600 });
    expect(Math.abs(Date.parse(advanced.body.now) - Date.parse('2027-05-01T02:00:00Z'))).toBeLessThan(2000);
    expect(
      Math.abs(Date.parse((await api.get('/sandbox/clock')).body.now) - Date.parse('2027-05-01T02:00:00Z')),
    ).toBeLessThan(2000);
    const reset = await api.del('/sandbox/clock');
    expect(reset.body.shifted).toBe(false);
    expect(Math.abs(Date.parse(reset.body.now) - Date.now())).toBeLessThan(2000);
    expectError(await api.post('/sandbox/clock', { now: 'tomorrow' }), 400, 'INVALID_REQUEST');
    expectError(await api.post('/sandbox/clock', {}), 400, 'INVALID_REQUEST');
  });
});

describe('bad input never gives a 500', () => {
  it('answers malformed bodies, types and paths with a 4xx in the platform shape', async () => {
    const cases: Array<{
      method: string;
      path: string;
      raw?: string;
      headers?: Record<string, string>;
      status: number;
      code: string;
    }> = [
      { method: 'POST', path: '/v1/identity/verify', raw: '{"name":', status: 400, code: 'INVALID_JSON' },
      { method: 'POST', path: '/v1/identity/verify', raw: '[1,2,3]', status: 400, code: 'INVALID_REQUEST' },
      { method: 'POST', path: '/v1/identity/verify', raw: 'null', status: 400, code: 'INVALID_JSON' },
      { method: 'POST', path: '/v1/identity/verify', raw: '"text"', status: 400, code: 'INVALID_JSON' },
      {
        method: 'POST',
        path: '/v1/sms/send',
        raw: 'mobile=1',
        headers: { 'content-type': 'text/plain' },
        status: 400,
        code: 'INVALID_REQUEST',
      },
      {
        method: 'POST',
        path: '/v1/sms/send',
        raw: JSON.stringify({ mobile: '13512340009', templateId: 'NOTICE', params: { text: 'x'.repeat(200_000) } }),
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
      },
      {
        method: 'POST',
        path: '/sandbox/clock',
        raw: '{"now":"2027-01-01T00:00:00Z"',
        status: 400,
        code: 'INVALID_JSON',
      },
      { method: 'GET', path: '/sandbox/sms/outbox?mobile=1&mobile=2', status: 400, code: 'INVALID_REQUEST' },
      { method: 'GET', path: '/sandbox/residents?limit=-1', status: 400, code: 'INVALID_REQUEST' },
      { method: 'GET', path: '/v1/staff/by-mobile/%E4%BD%A0%E5%A5%BD', status: 400, code: 'INVALID_REQUEST' },
      { method: 'GET', path: '/v1/staff/by-mobile/%zz', status: 400, code: 'INVALID_REQUEST' },
      { method: 'GET', path: '/v1/no-such-service', status: 404, code: 'NOT_FOUND' },
      { method: 'PUT', path: '/v1/sms/send', status: 405, code: 'METHOD_NOT_ALLOWED' },
    ];
    for (const c of cases) {
      const reply = await api.call(c.method, c.path, { raw: c.raw, headers: c.headers });
      expect({ path: c.path, raw: c.raw?.slice(0, 40), status: reply.status, code: reply.body?.error?.code }).toEqual({
        path: c.path,
        raw: c.raw?.slice(0, 40),
        status: c.status,
        code: c.code,
      });
      expect(reply.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(reply.text).not.toMatch(/at .*\.ts:\d+/);
    }
  });
});
