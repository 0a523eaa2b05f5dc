// Session tokens over HTTP: hashing at rest, expiry (idle and absolute), revocation, forgery.
import { createHash, randomBytes } from 'node:crypto';
import { call, httpSuite, loginBySms, startBff } from '../../testing/harness';

const suite = httpSuite();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('stores only the sha256 of the token', async () => {
  const { token, body } = await loginBySms(suite.bff, suite.platforms.sandbox.url);
  const sessions = await suite.bff.store.collection('sessions').find({}).toArray();
  const raw = JSON.stringify(sessions);
  expect(raw).not.toContain(token);
  const hash = createHash('sha256').update(token).digest('hex');
  const mine = sessions.find((s) => s._id === (hash as never));
  expect(mine).toBeDefined();
  expect(String(mine!.userId)).toBe(body.user.id);
  expect(mine!.device).toBe('jest');
});

describe('forged and malformed credentials', () => {
  let token: string;
  beforeAll(async () => {
    token = (await loginBySms(suite.bff, suite.platforms.sandbox.url)).token;
  });

  it.each([
    ['no header', {}],
    ['an empty bearer', { authorization: 'Bearer ' }],
    ['another scheme', { authorization: 'Basic dXNlcjpwYXNz' }],
    ['a token of the wrong shape', { authorization: 'Bearer abc.def.ghi' }],
    ['a random well-formed token', { authorization: `Bearer ${randomBytes(32).toString('base64url')}` }],
    ['a very long token', { authorization: `Bearer ${'a'.repeat(5000)}` }],
  ])('answers 401 to %s', async (_label, headers) => {
    const res = await call(suite.bff.url, 'GET', '/api/me', { headers: headers as Record<string, string> });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
    expect(res.body.error.message).toMatch(/登录/);
  });

  it('answers 401 to a token with one character changed', async () => {
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    const res = await call(suite.bff.url, 'GET', '/api/me', { token: token.slice(0, -1) + last });
    expect(res.status).toBe(401);
    expect((await call(suite.bff.url, 'GET', '/api/me', { token })).status).toBe(200);
  });
});

describe('expiry', () => {
  it('ends a session after the idle time', async () => {
    const short = await startBff(suite.platforms, { SESSION_IDLE_SECONDS: '1' });
    try {
      const { token } = await loginBySms(short, suite.platforms.sandbox.url);
      expect((await call(short.url, 'GET', '/api/me', { token })).status).toBe(200);
      await sleep(1200);
      const res = await call(short.url, 'GET', '/api/me', { token });
      expect(res.status).toBe(401);
      expect(res.body.error).toEqual({ code: 'SESSION_EXPIRED', message: '登录已过期，请重新登录' });
    } finally {
      await short.stop();
    }
  });

  it('ends a session at the absolute expiry even while in use', async () => {
    const short = await startBff(suite.platforms, { SESSION_ABSOLUTE_SECONDS: '2' });
    try {
      const { token, body } = await loginBySms(short, suite.platforms.sandbox.url);
      const expiresAt = new Date(body.expiresAt).getTime();
      expect(expiresAt - Date.now()).toBeLessThanOrEqual(2000);
      // In use until shortly before the expiry (paced by the clock, so a slow machine cannot push
      // a call meant to succeed past it), then once after it.
      let used = 0;
      while (Date.now() < expiresAt - 600) {
        expect((await call(short.url, 'GET', '/api/me', { token })).status).toBe(200);
        used += 1;
        await sleep(300);
      }
      expect(used).toBeGreaterThan(0);
      await sleep(Math.max(0, expiresAt - Date.now()) + 200);
      expect((await call(short.url, 'GET', '/api/me', { token })).body.error.code).toBe('SESSION_EXPIRED');
    } finally {
      await short.stop();
    }
  });

  it('slides the idle expiry when a request comes more than a minute after the last one', async () => {
    const { token } = await loginBySms(suite.bff, suite.platforms.sandbox.url);
    const id = createHash('sha256').update(token).digest('hex');
    const sessions = suite.bff.store.collection('sessions');
    const before = await sessions.findOne({ _id: id } as never);
    const past = new Date(Date.now() - 5 * 60_000);
    await sessions.updateOne({ _id: id } as never, {
      $set: { lastSeenAt: past, expiresAt: new Date(Date.now() + 60_000) },
    });
    const me = await call(suite.bff.url, 'GET', '/api/me', { token });
    expect(me.status).toBe(200);
    const after = await sessions.findOne({ _id: id } as never);
    expect(after!.lastSeenAt.getTime()).toBeGreaterThan(past.getTime());
    expect(after!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 25 * 60_000);
    expect(after!.absoluteExpiresAt.getTime()).toBe(before!.absoluteExpiresAt.getTime());
    expect(new Date(me.body.session.expiresAt).getTime()).toBe(after!.expiresAt.getTime());
  });
});

it('has a TTL index on the expiry and an index on the user', async () => {
  const indexes = await suite.bff.store.collection('sessions').indexes();
  const ttl = indexes.find((i) => i.key.expiresAt === 1);
  expect(ttl?.expireAfterSeconds).toBeGreaterThanOrEqual(0);
  expect(indexes.some((i) => i.key.userId === 1)).toBe(true);
});

describe('concurrent look-ups (one store read serves the requests of one turn)', () => {
  it('answers each of many simultaneous requests with its own session or its own refusal', async () => {
    const people = await Promise.all([1, 2, 3].map(() => loginBySms(suite.bff, suite.platforms.sandbox.url)));
    const [, second] = people;
    const logout = await call(suite.bff.url, 'POST', '/api/auth/logout', { token: second.token });
    expect(logout.status).toBe(200);
    const forged = randomBytes(32).toString('base64url');
    const asks = Array.from({ length: 60 }, (_, i) => [...people.map((p) => p.token), forged][i % 4]);
    const answers = await Promise.all(asks.map((token) => call(suite.bff.url, 'GET', '/api/me', { token })));
    answers.forEach((res, i) => {
      const who = people.find((p) => p.token === asks[i]);
      if (!who || who === second) {
        expect(res.status).toBe(401);
      } else {
        expect(res.status).toBe(200);
        expect(res.body.user.id).toBe(who.body.user.id);
      }
    });
  });

  it('refuses a token on the very next request after log-out (nothing cached between requests)', async () => {
    const { token } = await loginBySms(suite.bff, suite.platforms.sandbox.url);
    const before = await Promise.all(
      Array.from({ length: 10 }, () => call(suite.bff.url, 'GET', '/api/me', { token })),
    );
    expect(before.every((res) => res.status === 200)).toBe(true);
    expect((await call(suite.bff.url, 'POST', '/api/auth/logout', { token })).status).toBe(200);
    const after = await call(suite.bff.url, 'GET', '/api/me', { token });
    expect(after.status).toBe(401);
  });
});
