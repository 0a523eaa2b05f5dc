// Certificates when the registries misbehave or time moves on: a registry down or slow gives a
// partial list with a notice; show codes lapse after their life (a short one here); a licence
// lapses on the registry's (sandbox) clock and verification says so.
import {
  call as rawCall,
  freshMobile,
  loginBySms,
  personas,
  startBff,
  startPlatforms,
  type Answer,
  type Persona,
  type Platforms,
  type TestBff,
} from '../../testing/harness';
import { faceCheck, PiiScanner, signIn, type Resident } from './testing';

const SHORT_TTL_SECONDS = 2;

let platforms: Platforms;
let bff: TestBff;
let people: Persona[];
let scanner: PiiScanner;
let owner: Resident;
let verifierToken: string;

async function api(method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<Answer> {
  const answer = await rawCall(bff.url, method, path, options);
  scanner.check(answer);
  return answer;
}
const sandbox = (method: string, path: string, body?: unknown) =>
  rawCall(platforms.sandbox.url, method, path, { body });
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function clearFaults() {
  await sandbox('DELETE', '/sandbox/faults');
  // Let the circuit breakers (reset after 300 ms here) close again.
  await wait(400);
}

beforeAll(async () => {
  platforms = await startPlatforms();
  bff = await startBff(platforms, {
    PLATFORM_BREAKER_RESET_MS: '300',
    SHOW_CODE_TTL_SECONDS: String(SHORT_TTL_SECONDS),
  });
  people = (await personas(platforms.sandbox.url)).residents;
  scanner = new PiiScanner(people);
  owner = await signIn(
    bff,
    platforms.sandbox.url,
    people.find((p) => p.key === 'mortgaged-owner')!,
  );
  verifierToken = (await loginBySms(bff, platforms.sandbox.url, freshMobile())).token;
});

afterAll(async () => {
  await sandbox('DELETE', '/sandbox/faults');
  await sandbox('DELETE', '/sandbox/clock');
  await bff?.stop();
  await platforms?.stop();
});

describe('a registry down or slow', () => {
  afterEach(clearFaults);

  it('licence registry failing: titles still listed, with a notice naming what is missing', async () => {
    await sandbox('POST', '/sandbox/faults', { service: 'licence', errorRate: 1 });
    const { status, body } = await api('GET', '/api/certificates', { token: owner.token });
    expect(status).toBe(200);
    expect(body.partial).toBe(true);
    expect(body.notices).toEqual([{ service: 'licence', message: expect.stringContaining('电子证照') }]);
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((i: { type: string }) => i.type === 'REAL_ESTATE_TITLE')).toBe(true);
  });

  it('real-estate registry resetting connections: licences still listed', async () => {
    await sandbox('POST', '/sandbox/faults', { service: 'realestate', resetRate: 1 });
    const { status, body } = await api('GET', '/api/certificates', { token: owner.token });
    expect(status).toBe(200);
    expect(body.notices).toEqual([{ service: 'realestate', message: expect.stringContaining('不动产') }]);
    expect(body.items.map((i: { type: string }) => i.type)).toEqual(expect.arrayContaining(['ID_CARD', 'MARRIAGE']));
    expect(body.items.some((i: { type: string }) => i.type === 'REAL_ESTATE_TITLE')).toBe(false);
  });

  it('real-estate registry too slow: the list answers by its deadline without it', async () => {
    await sandbox('POST', '/sandbox/faults', { service: 'realestate', latencyMs: 6000 });
    const started = Date.now();
    const { status, body } = await api('GET', '/api/certificates', { token: owner.token });
    const elapsed = Date.now() - started;
    expect(status).toBe(200);
    expect(body.partial).toBe(true);
    expect(body.notices.map((n: { service: string }) => n.service)).toEqual(['realestate']);
    expect(elapsed).toBeLessThan(4000);
  });

  it('both registries failing: a platform error, not an empty list', async () => {
    await sandbox('POST', '/sandbox/faults', { service: '*', errorRate: 1 });
    const { status, body } = await api('GET', '/api/certificates', { token: owner.token });
    expect([502, 503, 504]).toContain(status);
    expect(body.error.code).toMatch(/^PLATFORM_/);
  });

  it('a failing registry makes a single look-up fail cleanly, and recovers', async () => {
    await sandbox('POST', '/sandbox/faults', { service: 'realestate', errorRate: 1 });
    const down = await api('GET', '/api/certificates/re_T9000001', { token: owner.token });
    expect(down.status).toBe(503);
    expect(down.body.error.code).toBe('PLATFORM_UNAVAILABLE');
    await clearFaults();
    const up = await api('GET', '/api/certificates', { token: owner.token });
    expect(up.body).toMatchObject({ partial: false, notices: [] });
  });
});

describe('time', () => {
  it('a show code lapses after its life: SHOW_CODE_EXPIRED by PIN and by code', async () => {
    await faceCheck(bff, platforms.sandbox.url, owner);
    const created = await api('POST', '/api/certificates/re_T9000001/show-codes', { token: owner.token, body: {} });
    expect(created.status).toBe(201);
    expect(created.body.ttlSeconds).toBe(SHORT_TTL_SECONDS);
    await wait(SHORT_TTL_SECONDS * 1000 + 300);
    for (const body of [{ pin: created.body.pin }, { code: created.body.code }]) {
      const late = await api('POST', '/api/show-code-verifications', { token: verifierToken, body });
      expect(late.status).toBe(410);
      expect(late.body.error.code).toBe('SHOW_CODE_EXPIRED');
    }
  });

  it('a licence past its validity on the registry clock is listed as expired and verified as not valid', async () => {
    const licences = (
      await rawCall(platforms.sandbox.url, 'GET', `/v1/licence/holders/${owner.persona.idNumber}/licences`, {
        headers: { 'x-platform-key': platforms.sandbox.platformKey },
      })
    ).body.licences;
    const dated = licences.find((l: { validTo: string | null }) => l.validTo !== null);
    expect(dated).toBeDefined();
    const id = `lic_${dated.licenceId}`;

    await faceCheck(bff, platforms.sandbox.url, owner);
    const dayAfter = new Date(new Date(`${dated.validTo}T00:00:00+08:00`).getTime() + 2 * 86400_000);
    await sandbox('POST', '/sandbox/clock', { now: dayAfter.toISOString() });
    try {
      const list = await api('GET', '/api/certificates', { token: owner.token });
      expect(list.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({
        status: 'EXPIRED',
        statusText: '已过期',
        needsAttention: true,
      });
      const created = await api('POST', `/api/certificates/${id}/show-codes`, { token: owner.token, body: {} });
      expect(created.status).toBe(201);
      const verified = await api('POST', '/api/show-code-verifications', {
        token: verifierToken,
        body: { pin: created.body.pin },
      });
      expect(verified.status).toBe(200);
      expect(verified.body).toMatchObject({ authentic: false, authenticity: 'EXPIRED' });
      expect(verified.body.certificate.status).toBe('EXPIRED');
    } finally {
      await sandbox('DELETE', '/sandbox/clock');
    }
  });
});
