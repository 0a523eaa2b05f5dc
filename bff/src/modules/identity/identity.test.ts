// Real-name verification and the face check over HTTP against devdb and the platform sandbox.
import { makeIdNumber } from '../../rules/id-number';
import { call, httpSuite, loginBySms, startBff, type TestBff } from '../../testing/harness';

const suite = httpSuite();
const person = (key: string) => suite.person(key);

async function verify(target: TestBff, token: string, name: string, idNumber: string) {
  return call(target.url, 'POST', '/api/identity/real-name', { token, body: { name, idNumber } });
}

async function completeFace(h5Url: string, result: 'pass' | 'fail') {
  const faceToken = h5Url.split('/').pop()!;
  const res = await call(suite.platforms.sandbox.url, 'POST', `/sandbox/face/${faceToken}/complete`, {
    body: { result },
  });
  expect(res.status).toBe(200);
}

describe('verifyIdentity', () => {
  it('checks the checksum first and names the problem, spending no attempt', async () => {
    const { token } = await loginBySms(suite.bff, suite.platforms.sandbox.url);
    const good = person('graduate').idNumber;
    const badCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const res = await verify(suite.bff, token, '张子涵', badCheck);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'ID_NUMBER_INVALID',
      message: '身份证号第 18 位校验不正确，请核对',
      reason: 'ID_NUMBER_CHECKSUM',
    });
    const short = await verify(suite.bff, token, '张子涵', '1101051949');
    expect(short.body.error.message).toContain('18 位');
    const counters = await suite.bff.store
      .collection('rate_counters')
      .countDocuments({ _id: { $regex: '^identity:' } } as never);
    expect(counters).toBe(0);
  });

  it('reports mismatch, not found and cancelled with the remaining attempts', async () => {
    const { token } = await loginBySms(suite.bff, suite.platforms.sandbox.url);
    const mismatch = await verify(suite.bff, token, '王小二', person('graduate').idNumber);
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.error).toMatchObject({ code: 'IDENTITY_MISMATCH', remainingAttempts: 4 });
    expect(mismatch.body.error.message).toContain('还可尝试 4 次');

    const unknown = await verify(suite.bff, token, '钱多多', makeIdNumber('110105', '1970-01-01', 998));
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatchObject({ code: 'IDENTITY_NOT_FOUND', remainingAttempts: 3 });

    const gone = person('cancelled');
    const cancelled = await verify(suite.bff, token, gone.name, gone.idNumber);
    expect(cancelled.status).toBe(422);
    expect(cancelled.body.error).toMatchObject({ code: 'IDENTITY_CANCELLED', remainingAttempts: 2 });
  });

  it('limits attempts per account per day', async () => {
    const small = await startBff(suite.platforms, { IDENTITY_DAILY_ATTEMPTS: '2' });
    try {
      const { token } = await loginBySms(small, suite.platforms.sandbox.url);
      const target = person('graduate');
      expect((await verify(small, token, '王小二', target.idNumber)).body.error.remainingAttempts).toBe(1);
      const last = await verify(small, token, '王小三', target.idNumber);
      expect(last.body.error).toMatchObject({ code: 'IDENTITY_MISMATCH', remainingAttempts: 0 });
      expect(last.body.error.message).toContain('今日尝试次数已用完');
      const refused = await verify(small, token, target.name, target.idNumber);
      expect(refused.status).toBe(429);
      expect(refused.body.error).toMatchObject({ code: 'IDENTITY_ATTEMPTS_EXCEEDED', remainingAttempts: 0 });
      expect(refused.body.error.retryAfterSeconds).toBeGreaterThan(0);
      expect(refused.body.error.retryAfterSeconds).toBeLessThanOrEqual(24 * 3600);
    } finally {
      await small.stop();
    }
  });

  it('does not count an attempt the platform never answered', async () => {
    const { token } = await loginBySms(suite.bff, suite.platforms.sandbox.url);
    await call(suite.platforms.sandbox.url, 'POST', '/sandbox/faults', { body: { service: 'identity', errorRate: 1 } });
    try {
      const res = await verify(suite.bff, token, person('graduate').name, person('graduate').idNumber);
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('PLATFORM_UNAVAILABLE');
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    } finally {
      await call(suite.platforms.sandbox.url, 'DELETE', '/sandbox/faults');
    }
    const mismatch = await verify(suite.bff, token, '王小二', person('graduate').idNumber);
    expect(mismatch.body.error.remainingAttempts).toBe(4);
  });

  it('binds on a match, rotates the token and shows masked data only', async () => {
    const target = person('mortgaged-owner');
    const login = await loginBySms(suite.bff, suite.platforms.sandbox.url);
    const res = await verify(suite.bff, login.token, target.name, target.idNumber.toLowerCase());
    expect(res.status).toBe(200);
    expect(res.body.token).not.toBe(login.token);
    expect(res.body.user).toMatchObject({
      level: 'REAL_NAME',
      nameMasked: target.name[0] + '*'.repeat(target.name.length - 1),
      idNumberMasked: `${target.idNumber.slice(0, 3)}***********${target.idNumber.slice(-4)}`,
    });
    expect(res.body.user.realNameVerifiedAt).toEqual(expect.any(String));
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(target.idNumber);
    expect(text).not.toContain(target.name);

    const old = await call(suite.bff.url, 'GET', '/api/me', { token: login.token });
    expect(old.status).toBe(401);
    const me = await call(suite.bff.url, 'GET', '/api/me', { token: res.body.token });
    expect(me.body.session.level).toBe('REAL_NAME');
    expect(me.body.user.idNumberMasked).toBe(res.body.user.idNumberMasked);

    // At rest: encrypted, with a fingerprint, never in clear.
    const account = await suite.bff.store.collection('accounts').findOne({ mobile: login.mobile } as never);
    expect(JSON.stringify(account)).not.toContain(target.idNumber);
    expect(JSON.stringify(account)).not.toContain(target.name);
    expect(account!.idNumberEnc).toMatch(/^v1\./);
    expect(account!.idNumberFingerprint).toMatch(/^[0-9a-f]{64}$/);

    // A second account cannot bind the same ID number.
    const other = await loginBySms(suite.bff, suite.platforms.sandbox.url);
    const taken = await verify(suite.bff, other.token, target.name, target.idNumber);
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('ID_NUMBER_BOUND_ELSEWHERE');

    // The same account cannot switch to another person's number.
    const second = person('co-owner-a');
    const switched = await verify(suite.bff, res.body.token, second.name, second.idNumber);
    expect(switched.status).toBe(409);
    expect(switched.body.error.code).toBe('ACCOUNT_ALREADY_VERIFIED');
  });

  it('lets only one of two racing accounts bind a number', async () => {
    const target = person('co-owner-b');
    const [a, b] = await Promise.all([
      loginBySms(suite.bff, suite.platforms.sandbox.url),
      loginBySms(suite.bff, suite.platforms.sandbox.url),
    ]);
    const answers = await Promise.all([
      verify(suite.bff, a.token, target.name, target.idNumber),
      verify(suite.bff, b.token, target.name, target.idNumber),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('refuses bad input with 400 and no session with 401', async () => {
    const { token } = await loginBySms(suite.bff, suite.platforms.sandbox.url);
    for (const body of [
      {},
      { name: '张三' },
      { name: 'Zhang San', idNumber: '11010519491231002X' },
      { name: 12, idNumber: 34 },
      { name: '张三', idNumber: '11010519491231002X', x: 1 },
    ]) {
      const res = await call(suite.bff.url, 'POST', '/api/identity/real-name', { token, body });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.fields.length).toBeGreaterThan(0);
    }
    expect(
      (
        await call(suite.bff.url, 'POST', '/api/identity/real-name', {
          body: { name: '张三', idNumber: '11010519491231002X' },
        })
      ).status,
    ).toBe(401);
  });
});

describe('face check', () => {
  let token: string;

  beforeAll(async () => {
    const target = person('elder');
    const login = await loginBySms(suite.bff, suite.platforms.sandbox.url);
    const verified = await verify(suite.bff, login.token, target.name, target.idNumber);
    expect(verified.status).toBe(200);
    token = verified.body.token;
  });

  it('needs the real-name level', async () => {
    const { token: plain } = await loginBySms(suite.bff, suite.platforms.sandbox.url);
    const res = await call(suite.bff.url, 'POST', '/api/identity/face-checks', { token: plain, body: {} });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'LEVEL_REQUIRED', requiredLevel: 'REAL_NAME' });
    expect(res.body.error.message).toContain('实名认证');
  });

  it('raises the session to FACE_CHECKED on a PASS read from the platform, once', async () => {
    const started = await call(suite.bff.url, 'POST', '/api/identity/face-checks', { token, body: {} });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({
      status: 'PENDING',
      faceCheckId: expect.any(String),
      h5Url: expect.stringContaining('/sandbox/face/'),
    });
    const id = started.body.faceCheckId;

    const pending = await call(suite.bff.url, 'GET', `/api/identity/face-checks/${id}`, { token });
    expect(pending.body).toMatchObject({ faceCheckId: id, status: 'PENDING' });
    expect(pending.body.token).toBeUndefined();

    await completeFace(started.body.h5Url, 'pass');
    const passed = await call(suite.bff.url, 'GET', `/api/identity/face-checks/${id}`, { token });
    expect(passed.status).toBe(200);
    expect(passed.body).toMatchObject({
      status: 'PASS',
      token: expect.any(String),
      faceCheckedUntil: expect.any(String),
    });
    const until = new Date(passed.body.faceCheckedUntil).getTime() - Date.now();
    expect(until).toBeGreaterThan(4 * 60_000);
    expect(until).toBeLessThanOrEqual(5 * 60_000);

    expect((await call(suite.bff.url, 'GET', '/api/me', { token })).status).toBe(401);
    const me = await call(suite.bff.url, 'GET', '/api/me', { token: passed.body.token });
    expect(me.body.session).toMatchObject({ level: 'FACE_CHECKED', faceCheckedUntil: passed.body.faceCheckedUntil });

    const again = await call(suite.bff.url, 'GET', `/api/identity/face-checks/${id}`, { token: passed.body.token });
    expect(again.body).toMatchObject({ status: 'PASS' });
    expect(again.body.token).toBeUndefined();
    token = passed.body.token;
  });

  it('reports a FAIL plainly and keeps the level', async () => {
    const started = await call(suite.bff.url, 'POST', '/api/identity/face-checks', { token, body: {} });
    await completeFace(started.body.h5Url, 'fail');
    const failed = await call(suite.bff.url, 'GET', `/api/identity/face-checks/${started.body.faceCheckId}`, { token });
    expect(failed.status).toBe(200);
    expect(failed.body).toMatchObject({ status: 'FAIL', message: '人脸核验未通过，请重新核验' });
    expect(failed.body.token).toBeUndefined();
    expect((await call(suite.bff.url, 'GET', '/api/me', { token })).status).toBe(200);
  });

  it("answers 404 for an unknown or another person's face check and 400 for a malformed id", async () => {
    const started = await call(suite.bff.url, 'POST', '/api/identity/face-checks', { token, body: {} });
    const stranger = person('spouse-a');
    const login = await loginBySms(suite.bff, suite.platforms.sandbox.url);
    const otherToken = (await verify(suite.bff, login.token, stranger.name, stranger.idNumber)).body.token;
    const res = await call(suite.bff.url, 'GET', `/api/identity/face-checks/${started.body.faceCheckId}`, {
      token: otherToken,
    });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('FACE_CHECK_NOT_FOUND');
    expect(
      (await call(suite.bff.url, 'GET', '/api/identity/face-checks/aaaaaaaaaaaaaaaaaaaaaaaa', { token })).status,
    ).toBe(404);
    const bad = await call(suite.bff.url, 'GET', '/api/identity/face-checks/bad!id', { token });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('falls back to REAL_NAME when the face-checked time is over', async () => {
    const short = await startBff(suite.platforms, { FACE_CHECKED_SECONDS: '1' });
    try {
      const target = person('spouse-b');
      const login = await loginBySms(short, suite.platforms.sandbox.url);
      const real = (await verify(short, login.token, target.name, target.idNumber)).body.token;
      const started = await call(short.url, 'POST', '/api/identity/face-checks', { token: real, body: {} });
      await completeFace(started.body.h5Url, 'pass');
      const passed = await call(short.url, 'GET', `/api/identity/face-checks/${started.body.faceCheckId}`, {
        token: real,
      });
      expect((await call(short.url, 'GET', '/api/me', { token: passed.body.token })).body.session.level).toBe(
        'FACE_CHECKED',
      );
      await new Promise((r) => setTimeout(r, 1200));
      const me = await call(short.url, 'GET', '/api/me', { token: passed.body.token });
      expect(me.body.session.level).toBe('REAL_NAME');
      expect(me.body.user.level).toBe('REAL_NAME');
      expect(me.body.session.faceCheckedUntil).toBeUndefined();
    } finally {
      await short.stop();
    }
  });
});

it('never logs a full ID number, a name or a token', async () => {
  const lines = suite.bff.logs.join('\n');
  expect(lines.length).toBeGreaterThan(0);
  for (const p of suite.people) {
    expect(lines).not.toContain(p.idNumber);
  }
  const sessions = await suite.bff.store.collection('sessions').find({}).toArray();
  expect(sessions.length).toBeGreaterThan(5);
  expect(lines).not.toMatch(/Bearer [A-Za-z0-9_-]{20,}/);
  expect(lines).not.toMatch(/"token":"[A-Za-z0-9_-]{20,}"/);
  expect(lines).not.toContain(person('elder').name);
});
