// Log-in by SMS and WeChat, getMe, logout and the log-in limits, over HTTP against devdb and
// the platform sandbox.
import { call, freshMobile, httpSuite, latestSmsCode, loginBySms, startBff, type TestBff } from '../../testing/harness';

const suite = httpSuite();

describe('requestSmsCode + loginWithSms', () => {
  it('sends a code through the platform and logs in with it', async () => {
    const mobile = freshMobile();
    const sent = await call(suite.bff.url, 'POST', '/api/auth/sms-codes', { body: { mobile } });
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({
      sentTo: `${mobile.slice(0, 3)}****${mobile.slice(-4)}`,
      expiresInSeconds: 300,
      resendAfterSeconds: 60,
    });

    const code = await latestSmsCode(suite.platforms.sandbox.url, mobile);
    expect(code).toMatch(/^\d{6}$/);
    const login = await call(suite.bff.url, 'POST', '/api/auth/sms-login', {
      body: { mobile, code, device: 'iPhone' },
    });
    expect(login.status).toBe(200);
    expect(login.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Date(login.body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect(login.body.user).toMatchObject({
      role: 'resident',
      level: 'LOGGED_IN',
      mobileMasked: `${mobile.slice(0, 3)}****${mobile.slice(-4)}`,
      nameMasked: null,
      idNumberMasked: null,
    });
    expect(JSON.stringify(login.body)).not.toContain(mobile);

    const me = await call(suite.bff.url, 'GET', '/api/me', { token: login.body.token });
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(login.body.user.id);
    expect(me.body.session).toMatchObject({ level: 'LOGGED_IN', role: 'resident' });
    expect(me.body.session.faceCheckedUntil).toBeUndefined();

    // The code logs in once.
    const again = await call(suite.bff.url, 'POST', '/api/auth/sms-login', { body: { mobile, code } });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('SMS_CODE_INVALID');
  });

  it('counts wrong codes, says how many tries remain and burns the code after five', async () => {
    const mobile = freshMobile();
    await call(suite.bff.url, 'POST', '/api/auth/sms-codes', { body: { mobile } });
    const code = await latestSmsCode(suite.platforms.sandbox.url, mobile);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 1; i <= 5; i++) {
      const res = await call(suite.bff.url, 'POST', '/api/auth/sms-login', { body: { mobile, code: wrong } });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('SMS_CODE_INVALID');
      expect(res.body.error.remainingAttempts).toBe(5 - i);
      expect(res.body.error.message).toMatch(/验证码/);
    }
    const right = await call(suite.bff.url, 'POST', '/api/auth/sms-login', { body: { mobile, code } });
    expect(right.status).toBe(400);
    expect(right.body.error.code).toBe('SMS_CODE_INVALID');
    expect(right.body.error.message).toContain('错误次数过多');
  });

  it('refuses parallel guesses beyond the allowed tries', async () => {
    const mobile = freshMobile();
    await call(suite.bff.url, 'POST', '/api/auth/sms-codes', { body: { mobile } });
    const code = await latestSmsCode(suite.platforms.sandbox.url, mobile);
    const guesses = Array.from({ length: 20 }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0'));
    const answers = await Promise.all(
      guesses.map((g) => call(suite.bff.url, 'POST', '/api/auth/sms-login', { body: { mobile, code: g } })),
    );
    expect(answers.every((a) => a.status === 400)).toBe(true);
    const doc = await suite.bff.store.collection('sms_codes').findOne({ _id: mobile } as never);
    expect(doc?.tries).toBe(5);
    expect((await call(suite.bff.url, 'POST', '/api/auth/sms-login', { body: { mobile, code } })).status).toBe(400);
  });

  it('answers SMS_CODE_INVALID when no code was requested', async () => {
    const res = await call(suite.bff.url, 'POST', '/api/auth/sms-login', {
      body: { mobile: freshMobile(), code: '123456' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'SMS_CODE_INVALID' });
    expect(res.body.requestId).toEqual(expect.any(String));
  });

  it('limits codes to one a minute per mobile with the wait in seconds', async () => {
    const mobile = freshMobile();
    expect((await call(suite.bff.url, 'POST', '/api/auth/sms-codes', { body: { mobile } })).status).toBe(200);
    const again = await call(suite.bff.url, 'POST', '/api/auth/sms-codes', { body: { mobile } });
    expect(again.status).toBe(429);
    expect(again.body.error.code).toBe('SMS_CODE_RATE_LIMITED');
    expect(again.body.error.retryAfterSeconds).toBeGreaterThan(0);
    expect(again.body.error.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(again.body.error.message).toMatch(/请 \d+ (秒|分钟)后再试/);
    expect(again.headers.get('retry-after')).toBe(String(again.body.error.retryAfterSeconds));
  });

  it('validates the mobile and the code in Chinese', async () => {
    const cases: unknown[] = [
      {},
      { mobile: '1380000' },
      { mobile: 13800001234 },
      { mobile: '23800001234' },
      { mobile: '13800001234', extra: 1 },
      [],
      'text',
      null,
    ];
    for (const body of cases) {
      const res = await call(suite.bff.url, 'POST', '/api/auth/sms-codes', { raw: JSON.stringify(body) });
      expect(res.status).toBe(400);
      expect(['VALIDATION_FAILED', 'INVALID_JSON']).toContain(res.body.error.code);
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const res = await call(suite.bff.url, 'POST', '/api/auth/sms-login', {
      body: { mobile: '13800001234', code: '12ab56' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ path: 'body.code', message: '验证码为 6 位数字' }]);
  });
});

describe('limits with small settings', () => {
  let limited: TestBff;
  beforeAll(async () => {
    limited = await startBff(suite.platforms, {
      SMS_RESEND_SECONDS: '1',
      SMS_DAILY_LIMIT_PER_MOBILE: '1',
      SMS_HOURLY_LIMIT_PER_IP: '3',
      SMS_CODE_TTL_SECONDS: '1',
      LOGIN_LIMIT_PER_IP_PER_MINUTE: '3',
    });
  });
  afterAll(() => limited?.stop());

  it('expires codes', async () => {
    const mobile = freshMobile();
    expect((await call(limited.url, 'POST', '/api/auth/sms-codes', { body: { mobile } })).status).toBe(200);
    const code = await latestSmsCode(suite.platforms.sandbox.url, mobile);
    await new Promise((r) => setTimeout(r, 1200));
    const res = await call(limited.url, 'POST', '/api/auth/sms-login', { body: { mobile, code } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'SMS_CODE_EXPIRED', message: '验证码已过期，请重新获取' });

    // The daily limit of this instance is 1: the next request today is refused before the gateway.
    const next = await call(limited.url, 'POST', '/api/auth/sms-codes', { body: { mobile } });
    expect(next.status).toBe(429);
    expect(next.body.error.code).toBe('SMS_CODE_RATE_LIMITED');
    expect(next.body.error.message).toContain('今日');
  });

  it('limits codes per IP address and log-in tries per IP address', async () => {
    // The previous test used one of this instance's three codes an hour for this address.
    expect((await call(limited.url, 'POST', '/api/auth/sms-codes', { body: { mobile: freshMobile() } })).status).toBe(
      200,
    );
    expect((await call(limited.url, 'POST', '/api/auth/sms-codes', { body: { mobile: freshMobile() } })).status).toBe(
      200,
    );
    const refused = await call(limited.url, 'POST', '/api/auth/sms-codes', { body: { mobile: freshMobile() } });
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toContain('当前网络');

    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push(
        (await call(limited.url, 'POST', '/api/auth/sms-login', { body: { mobile: freshMobile(), code: '123456' } }))
          .status,
      );
    }
    // Three log-in tries a minute per address; the first test spent one.
    expect(statuses).toEqual([400, 400, 429, 429]);
  });
});

describe('staff log-in', () => {
  it('takes the role from the staff directory and gives a 12-hour session', async () => {
    const member = suite.staff.find((s) => s.role === 'staff');
    const login = await loginBySms(suite.bff, suite.platforms.sandbox.url, member.mobile);
    expect(login.body.user.role).toBe('staff');
    const session = await suite.bff.store
      .collection('sessions')
      .findOne({ userId: { $exists: true }, role: 'staff' } as never);
    const absolute = (session!.absoluteExpiresAt as Date).getTime() - (session!.createdAt as Date).getTime();
    expect(absolute).toBe(12 * 3600 * 1000);
    const me = await call(suite.bff.url, 'GET', '/api/me', { token: login.token });
    expect(me.body.session.role).toBe('staff');
  });
});

describe('loginWithWechat', () => {
  async function wechatCode(openid: string): Promise<string> {
    const res = await call(suite.platforms.sandbox.url, 'POST', '/sandbox/wechat/code', { body: { openid } });
    expect(res.status).toBe(200);
    return res.body.code;
  }

  it('exchanges a code for a session and keeps the session_key to itself', async () => {
    const openid = suite.people[1].wechatOpenid!;
    const code = await wechatCode(openid);
    const login = await call(suite.bff.url, 'POST', '/api/auth/wechat-login', { body: { code } });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ role: 'resident', level: 'LOGGED_IN', mobileMasked: null });
    expect(Object.keys(login.body).sort()).toEqual(['expiresAt', 'token', 'user']);

    const account = await suite.bff.store.collection('accounts').findOne({ wechatOpenid: openid } as never);
    expect(account?.wechatSessionKeyEnc).toMatch(/^v1\./);
    expect(JSON.stringify(login.body)).not.toContain(account!.wechatSessionKeyEnc);

    // A code is single-use.
    const reused = await call(suite.bff.url, 'POST', '/api/auth/wechat-login', { body: { code } });
    expect(reused.status).toBe(401);
    expect(reused.body.error.code).toBe('WECHAT_CODE_INVALID');

    const second = await call(suite.bff.url, 'POST', '/api/auth/wechat-login', {
      body: { code: await wechatCode(openid) },
    });
    expect(second.body.user.id).toBe(login.body.user.id);
  });

  it('refuses an unknown code and bad input', async () => {
    const res = await call(suite.bff.url, 'POST', '/api/auth/wechat-login', { body: { code: 'not-a-real-code' } });
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: 'WECHAT_CODE_INVALID' });
    const bad = await call(suite.bff.url, 'POST', '/api/auth/wechat-login', { body: { code: 42 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('logout', () => {
  it('revokes the current session only, or every device', async () => {
    const openid = suite.people[2].wechatOpenid!;
    const tokens: string[] = [];
    for (let i = 0; i < 3; i++) {
      const code = (await call(suite.platforms.sandbox.url, 'POST', '/sandbox/wechat/code', { body: { openid } })).body
        .code;
      tokens.push(
        (await call(suite.bff.url, 'POST', '/api/auth/wechat-login', { body: { code, device: `device-${i}` } })).body
          .token,
      );
    }
    const one = await call(suite.bff.url, 'POST', '/api/auth/logout', { token: tokens[0], body: {} });
    expect(one.status).toBe(200);
    expect(one.body).toEqual({ loggedOut: 1 });
    expect((await call(suite.bff.url, 'GET', '/api/me', { token: tokens[0] })).status).toBe(401);
    expect((await call(suite.bff.url, 'GET', '/api/me', { token: tokens[1] })).status).toBe(200);

    const all = await call(suite.bff.url, 'POST', '/api/auth/logout', { token: tokens[1], body: { allDevices: true } });
    expect(all.body).toEqual({ loggedOut: 2 });
    for (const token of tokens) {
      const me = await call(suite.bff.url, 'GET', '/api/me', { token });
      expect(me.status).toBe(401);
      expect(me.body.error.code).toBe('UNAUTHENTICATED');
    }
    expect((await call(suite.bff.url, 'POST', '/api/auth/logout', { token: tokens[1], body: {} })).status).toBe(401);
  });

  it('rejects a wrongly typed allDevices', async () => {
    const { token } = await loginBySms(suite.bff, suite.platforms.sandbox.url);
    const res = await call(suite.bff.url, 'POST', '/api/auth/logout', { token, body: { allDevices: 'yes' } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('body.allDevices');
  });
});

describe('logs', () => {
  it('hold no token, no SMS code and no full mobile', async () => {
    const mobile = freshMobile();
    const { token } = await loginBySms(suite.bff, suite.platforms.sandbox.url, mobile);
    const code = await latestSmsCode(suite.platforms.sandbox.url, mobile);
    await call(suite.bff.url, 'GET', '/api/me', { token });
    const text = suite.bff.logs.join('\n');
    expect(suite.bff.logs.some((l) => l.includes('/api/auth/sms-login'))).toBe(true);
    expect(text).not.toContain(token);
    expect(text).not.toContain(mobile);
    expect(text).not.toMatch(new RegExp(`"${code}"`));
  });
});
