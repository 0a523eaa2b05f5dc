// The BFF's edges over HTTP: health and readiness, the OpenAPI document, bad input of every
// kind, request ids, CORS and security headers, and platform faults within the time budget.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startService } from '../../scripts/lib/spawn-service';
import { call, freshMobile, httpSuite, startBff } from './testing/harness';

const suite = httpSuite({
  PLATFORM_CALL_TIMEOUT_MS: '400',
  PLATFORM_REQUEST_BUDGET_MS: '1500',
  PLATFORM_BREAKER_RESET_MS: '1000',
  // As deployed behind the city's TLS gateway: X-Forwarded-Proto says whether the answer travels over TLS.
  TRUST_PROXY: 'true',
});

const fault = (body: Record<string, unknown>) => call(suite.platforms.sandbox.url, 'POST', '/sandbox/faults', { body });
const clearFaults = () => call(suite.platforms.sandbox.url, 'DELETE', '/sandbox/faults');

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('condition not reached in time');
}

describe('health', () => {
  it('healthz answers ok, and the platform URL only when configured', async () => {
    expect((await call(suite.bff.url, 'GET', '/api/healthz')).body).toEqual({ ok: true });
    const pub = await startBff(suite.platforms, { PUBLIC_PLATFORM_URL: suite.platforms.sandbox.url });
    try {
      expect((await call(pub.url, 'GET', '/api/healthz')).body).toEqual({
        ok: true,
        platformUrl: suite.platforms.sandbox.url,
      });
    } finally {
      await pub.stop();
    }
  });

  it('readyz falls when the platform is faulted and recovers by itself', async () => {
    const ready = await call(suite.bff.url, 'GET', '/api/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ ok: true, checks: { store: 'ok', platform: 'ok' } });
    await fault({ service: '*', errorRate: 1 });
    try {
      const down = await call(suite.bff.url, 'GET', '/api/readyz');
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({
        ok: false,
        checks: { store: 'ok', platform: 'unreachable' },
        error: { code: 'NOT_READY' },
      });
    } finally {
      await clearFaults();
    }
    expect((await call(suite.bff.url, 'GET', '/api/readyz')).status).toBe(200);
  });
});

describe('store and static files', () => {
  it('readyz names the store when it cannot be reached', async () => {
    const lost = await startBff(suite.platforms);
    try {
      await lost.store.close();
      const res = await call(lost.url, 'GET', '/api/readyz');
      expect(res.status).toBe(503);
      expect(res.body.checks).toEqual({ store: 'unreachable', platform: 'ok' });
      const me = await call(lost.url, 'GET', '/api/me', { token: 'a'.repeat(43) });
      expect(me.status).toBe(503);
      expect(me.body.error).toEqual({ code: 'STORE_UNAVAILABLE', message: '系统繁忙，请稍后再试' });
      expect(JSON.stringify(me.body)).not.toMatch(/at .*\.ts:\d+/);
    } finally {
      await lost.stop();
    }
  });

  it('serves the H5 build at / and keeps /api for the API', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bianmin-h5-'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>便民</title>');
    const web = await startBff(suite.platforms, { STATIC_DIR: dir });
    try {
      const page = await fetch(`${web.url}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      expect(await page.text()).toContain('便民');
      expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(page.headers.get('cache-control')).not.toBe('no-store');
      const api = await call(web.url, 'GET', '/api/unknown');
      expect(api.status).toBe(404);
      expect(api.body.error.code).toBe('NOT_FOUND');
    } finally {
      await web.stop();
    }
  });
});

describe('OpenAPI', () => {
  it('lists every operation with its id, schemas and security', async () => {
    const res = await call(suite.bff.url, 'GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toMatch(/^3\.1/);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    const ops = new Map<string, any>();
    for (const [path, methods] of Object.entries<any>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(methods)) {
        expect(op.operationId).toEqual(expect.any(String));
        ops.set(op.operationId, { ...op, path, method });
      }
    }
    const expected = {
      requestSmsCode: ['post', '/api/auth/sms-codes', false],
      loginWithSms: ['post', '/api/auth/sms-login', false],
      loginWithWechat: ['post', '/api/auth/wechat-login', false],
      getMe: ['get', '/api/me', true],
      logout: ['post', '/api/auth/logout', true],
      verifyIdentity: ['post', '/api/identity/real-name', true],
      startFaceCheck: ['post', '/api/identity/face-checks', true],
      getFaceCheck: ['get', '/api/identity/face-checks/{faceCheckId}', true],
    } as const;
    for (const [id, [method, path, secured]] of Object.entries(expected)) {
      const op = ops.get(id);
      expect(op).toBeDefined();
      expect([op.method, op.path]).toEqual([method, path]);
      expect(op.responses['200'].content['application/json'].schema).toBeDefined();
      if (secured) {
        expect(op.security).toEqual([{ bearerAuth: [] }]);
        expect(op.responses['401']).toBeDefined();
      } else {
        expect(op.security ?? []).toEqual([]);
      }
      if (method === 'post') expect(op.requestBody.content['application/json'].schema).toBeDefined();
    }
    expect(ops.get('getFaceCheck').parameters).toEqual([
      expect.objectContaining({ name: 'faceCheckId', in: 'path', required: true }),
    ]);
  });
});

describe('bad input never gives a 500', () => {
  it('answers malformed JSON with INVALID_JSON', async () => {
    for (const raw of ['{"mobile":', '{mobile: 1}', '\u0000\u0001', '"just a string"', '123']) {
      const res = await call(suite.bff.url, 'POST', '/api/auth/sms-codes', { raw });
      expect(res.status).toBe(400);
      expect(['INVALID_JSON', 'VALIDATION_FAILED']).toContain(res.body.error.code);
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('answers an oversized body with 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await call(suite.bff.url, 'POST', '/api/auth/sms-codes', {
      body: { mobile: '13800001234', padding: 'x'.repeat(70 * 1024) },
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers a body of another type with a validation error', async () => {
    const res = await call(suite.bff.url, 'POST', '/api/auth/sms-codes', {
      raw: 'mobile=13800001234',
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('answers unknown paths and methods in the error shape', async () => {
    const missing = await call(suite.bff.url, 'GET', '/api/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
    const wrongMethod = await call(suite.bff.url, 'DELETE', '/api/me');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.body.error.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('survives a burst of random bodies', async () => {
    const samples: unknown[] = [
      null,
      true,
      0,
      -1,
      1e308,
      '',
      [],
      [{}],
      { mobile: null },
      { mobile: [] },
      { mobile: {} },
      { mobile: '1'.repeat(10_000) },
      { __proto__: { mobile: '13800001234' } },
      { constructor: { prototype: {} } },
    ];
    const paths = [
      '/api/auth/sms-codes',
      '/api/auth/sms-login',
      '/api/auth/wechat-login',
      '/api/identity/real-name',
      '/api/auth/logout',
    ];
    for (const path of paths) {
      for (const body of samples) {
        const res = await call(suite.bff.url, 'POST', path, { raw: JSON.stringify(body) });
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(res.body.error.code).toMatch(/^[A-Z_]+$/);
      }
    }
  });
});

describe('request ids, CORS and headers', () => {
  it('echoes a sane X-Request-Id and makes one otherwise', async () => {
    const given = await call(suite.bff.url, 'GET', '/api/me', { headers: { 'x-request-id': 'req-123' } });
    expect(given.headers.get('x-request-id')).toBe('req-123');
    expect(given.body.requestId).toBe('req-123');
    const made = await call(suite.bff.url, 'GET', '/api/me', {
      headers: { 'x-request-id': 'bad id with spaces <script>' },
    });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(made.body.requestId).toBe(made.headers.get('x-request-id'));
  });

  it('answers a CORS preflight and sets security headers', async () => {
    const res = await fetch(`${suite.bff.url}/api/me`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:10086',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Authorization/i);
    const normal = await call(suite.bff.url, 'GET', '/api/healthz');
    expect(normal.headers.get('x-content-type-options')).toBe('nosniff');
    expect(normal.headers.get('x-powered-by')).toBeNull();
    // API answers carry personal data: never stored by a cache, never framed.
    expect(normal.headers.get('cache-control')).toBe('no-store');
    expect(normal.headers.get('x-frame-options')).toBe('DENY');
    expect(normal.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('answers CORS only to requests with an Origin', async () => {
    const plain = await call(suite.bff.url, 'GET', '/api/healthz');
    expect(plain.headers.get('access-control-allow-origin')).toBeNull();
    expect(plain.headers.get('vary')).toBeNull();
    const crossOrigin = await call(suite.bff.url, 'GET', '/api/healthz', {
      headers: { origin: 'http://localhost:10086' },
    });
    expect(crossOrigin.headers.get('access-control-allow-origin')).toBe('*');
    expect(crossOrigin.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
    expect(crossOrigin.headers.get('vary')).toContain('Origin');
  });

  it('sends Strict-Transport-Security only over TLS (RFC 6797 forbids it over plain HTTP)', async () => {
    const plain = await call(suite.bff.url, 'GET', '/api/healthz');
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    const overTls = await call(suite.bff.url, 'GET', '/api/healthz', { headers: { 'x-forwarded-proto': 'https' } });
    expect(overTls.headers.get('strict-transport-security')).toMatch(/^max-age=31536000/);
    const page = await fetch(`${suite.bff.url}/`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(page.headers.get('strict-transport-security')).toMatch(/^max-age=31536000/);
    expect((await fetch(`${suite.bff.url}/`)).headers.get('strict-transport-security')).toBeNull();
  });
});

describe('platform faults within the budget', () => {
  afterEach(() => clearFaults());

  it('answers 504 PLATFORM_TIMEOUT when the platform is too slow', async () => {
    await fault({ service: 'sms', latencyMs: 3000 });
    const started = Date.now();
    const res = await call(suite.bff.url, 'POST', '/api/auth/sms-codes', { body: { mobile: freshMobile() } });
    expect(res.status).toBe(504);
    expect(res.body.error).toMatchObject({ code: 'PLATFORM_TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('keeps retries of an idempotent GET within the request budget', async () => {
    await fault({ service: 'wechat', latencyMs: 3000 });
    const started = Date.now();
    const res = await call(suite.bff.url, 'POST', '/api/auth/wechat-login', { body: { code: 'slow-code' } });
    expect(res.status).toBe(504);
    expect(res.body.error.code).toBe('PLATFORM_TIMEOUT');
    // Three tries of 400 ms and their pauses fit the 1500 ms budget; nothing waits for the 3 s answer.
    expect(Date.now() - started).toBeLessThan(1700);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1200);
  });

  it('answers 503 on resets and errors, opens the breaker, and recovers', async () => {
    await fault({ service: 'sms', resetRate: 1 });
    const reset = await call(suite.bff.url, 'POST', '/api/auth/sms-codes', { body: { mobile: freshMobile() } });
    expect(reset.status).toBe(503);
    expect(reset.body.error).toEqual({ code: 'PLATFORM_UNAVAILABLE', message: '相关服务暂时不可用，请稍后再试' });

    await fault({ service: 'wechat', errorRate: 1 });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++)
      statuses.push(
        (await call(suite.bff.url, 'POST', '/api/auth/wechat-login', { body: { code: `code-${i}` } })).status,
      );
    expect(statuses.every((s) => s === 503)).toBe(true);
    expect(suite.bff.platform.http.breakerState('wechat')).toBe('open');
    const fast = Date.now();
    expect((await call(suite.bff.url, 'POST', '/api/auth/wechat-login', { body: { code: 'x' } })).body.error.code).toBe(
      'PLATFORM_UNAVAILABLE',
    );
    expect(Date.now() - fast).toBeLessThan(200);

    await clearFaults();
    await waitFor(
      async () =>
        (await call(suite.bff.url, 'POST', '/api/auth/wechat-login', { body: { code: 'still-wrong' } })).status === 401,
    );
    expect(suite.bff.platform.http.breakerState('wechat')).toBe('closed');
  });

  it('does not let business answers (4xx) open the breaker', async () => {
    for (let i = 0; i < 10; i++) {
      expect(
        (await call(suite.bff.url, 'POST', '/api/auth/wechat-login', { body: { code: `unknown-${i}` } })).status,
      ).toBe(401);
    }
    expect(suite.bff.platform.http.breakerState('wechat')).toBe('closed');
  });
});

describe('readyz when the sandbox process stops', () => {
  it('falls, then recovers when the platform comes back on the same address', async () => {
    const port = new URL(suite.platforms.sandbox.url).port;
    await suite.platforms.sandbox.stop();
    const down = await call(suite.bff.url, 'GET', '/api/readyz');
    expect(down.status).toBe(503);
    expect(down.body.checks).toEqual({ store: 'ok', platform: 'unreachable' });
    const login = await call(suite.bff.url, 'POST', '/api/auth/sms-codes', { body: { mobile: freshMobile() } });
    expect(login.status).toBe(503);
    expect(login.body.error.code).toBe('PLATFORM_UNAVAILABLE');

    const again = await startService({
      name: 'sandbox',
      entry: 'bff/sandbox/src/main.ts',
      args: [
        '--port',
        port,
        '--mongodb-uri',
        suite.platforms.sandbox.mongodbUri,
        '--platform-key',
        suite.platforms.sandbox.platformKey,
      ],
      env: { LOG_LEVEL: 'warn' },
    });
    try {
      await waitFor(async () => (await call(suite.bff.url, 'GET', '/api/readyz')).status === 200);
    } finally {
      await again.stop();
    }
  });
});
