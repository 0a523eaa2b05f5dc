// Seeding over real HTTP: every seeded ID number is valid and consistent; one seed gives the same
// data in two databases; a durable database is seeded once and re-seeded when the seed changes.
import { randomBytes } from 'node:crypto';
import { startDevdb, type RunningDevdb } from '../../../test-support/devdb';
import { startSandbox } from '../../../test-support/sandbox';
import { validateIdNumber } from '../../../src/rules/id-number';
import { client } from '../testing';

// Child processes start and seed; jest's 5 s default is too short on a busy 2-core machine.
jest.setTimeout(60_000);

let devdb: RunningDevdb;
const dbUri = (name: string) => `${devdb.uri.replace(/\/$/, '')}/${name}`;

beforeAll(async () => {
  devdb = await startDevdb();
});
afterAll(async () => {
  await devdb?.stop();
});

async function seedFacts(url: string) {
  return (await client(url, '').get('/sandbox/seed', { key: null })).body;
}

it('serves residents whose ID numbers all pass the checksum and match birth date and sex', async () => {
  const sandbox = await startSandbox({ mongodbUri: devdb.uri, seed: 99 });
  try {
    const api = client(sandbox.url, sandbox.platformKey);
    const page = await api.get('/sandbox/residents?limit=5000', { key: null });
    expect(page.body.total).toBeGreaterThanOrEqual(2000);
    expect(page.body.residents).toHaveLength(page.body.total);
    for (const resident of page.body.residents) {
      expect(validateIdNumber(resident.idNumber)).toMatchObject({
        ok: true,
        value: resident.idNumber,
        birthDate: resident.birthDate,
        sex: resident.sex,
      });
    }
    const cancelled = await api.get('/sandbox/residents?status=CANCELLED&limit=100', { key: null });
    expect(cancelled.body.total).toBeGreaterThan(0);
    expect(cancelled.body.residents.every((r: any) => r.status === 'CANCELLED')).toBe(true);
  } finally {
    await sandbox.stop();
  }
});

it('gives identical data for one seed in two databases, and other data for another seed', async () => {
  const [a, b] = await Promise.all([
    startSandbox({ mongodbUri: devdb.uri, seed: 5 }),
    startSandbox({ mongodbUri: devdb.uri, seed: 5 }),
  ]);
  try {
    expect(a.mongodbUri).not.toBe(b.mongodbUri);
    const [factsA, factsB] = await Promise.all([seedFacts(a.url), seedFacts(b.url)]);
    expect(factsA.seed).toBe(5);
    expect(factsA.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(factsA.digest).toBe(factsB.digest);
    expect(factsA.counts).toEqual(factsB.counts);
    const residents = async (url: string) =>
      (await client(url, '').get('/sandbox/residents?limit=5000', { key: null })).body.residents;
    expect(await residents(a.url)).toEqual(await residents(b.url));
  } finally {
    await Promise.all([a.stop(), b.stop()]);
  }
});

it('seeds a durable database once, and again only when the seed changes', async () => {
  const mongodbUri = dbUri(`platform_${randomBytes(4).toString('hex')}`);
  const first = await startSandbox({ mongodbUri, seed: 11 });
  const before = await seedFacts(first.url);
  // Runtime data written now must survive a restart with the same seed.
  await client(first.url, first.platformKey).post('/v1/sms/send', {
    mobile: '13712345678',
    templateId: 'LOGIN_CODE',
    params: { code: '246810' },
  });
  expect(await first.stop()).toBe(0);

  const again = await startSandbox({ mongodbUri, seed: 11 });
  try {
    const after = await seedFacts(again.url);
    expect(after.seededAt).toBe(before.seededAt);
    expect(after.digest).toBe(before.digest);
    const outbox = await client(again.url, '').get('/sandbox/sms/outbox?mobile=13712345678', { key: null });
    expect(outbox.body.messages.map((m: any) => m.code)).toEqual(['246810']);
  } finally {
    await again.stop();
  }

  const reseeded = await startSandbox({ mongodbUri, seed: 12 });
  try {
    const facts = await seedFacts(reseeded.url);
    expect(facts.seed).toBe(12);
    expect(facts.digest).not.toBe(before.digest);
    expect(facts.seededAt).not.toBe(before.seededAt);
    // The personas stay the same whatever the seed.
    const personas = (await client(reseeded.url, '').get('/sandbox/personas', { key: null })).body;
    expect(personas.residents.find((p: any) => p.key === 'elder').name).toBe('欧阳秀英');
  } finally {
    await reseeded.stop();
  }
});
