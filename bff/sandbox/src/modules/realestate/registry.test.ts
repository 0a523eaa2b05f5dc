// The real-estate and licence registries over real HTTP: holder scoping (404 for anyone else),
// co-owners, status changes through the sandbox helper, and faults per service.
import { startDevdb, type RunningDevdb } from '../../../../test-support/devdb';
import { startSandbox, type RunningSandbox } from '../../../../test-support/sandbox';

let devdb: RunningDevdb;
let sandbox: RunningSandbox;
interface Persona {
  key: string;
  idNumber: string;
  name: string;
}
let personas: Record<string, Persona>;

async function call(path: string, init: RequestInit = {}, key: string | null = sandbox.platformKey) {
  const res = await fetch(sandbox.url + path, {
    ...init,
    headers: { 'content-type': 'application/json', ...(key ? { 'x-platform-key': key } : {}), ...(init.headers ?? {}) },
  });
  return { status: res.status, body: (await res.json()) as any };
}
const holder = (key: string) => `/v1/realestate/holders/${personas[key].idNumber}`;

beforeAll(async () => {
  devdb = await startDevdb();
  sandbox = await startSandbox({ mongodbUri: devdb.uri });
  const res = await call('/sandbox/personas', {}, null);
  personas = Object.fromEntries(res.body.residents.map((p: Persona) => [p.key, p]));
});

afterAll(async () => {
  await sandbox?.stop();
  await devdb?.stop();
});

describe('real-estate registry', () => {
  it('needs the platform key', async () => {
    expect((await call(`${holder('mortgaged-owner')}/titles`, {}, null)).status).toBe(401);
  });

  it('lists the mortgaged flat of its owner, with mortgage details and trust level A', async () => {
    const { status, body } = await call(`${holder('mortgaged-owner')}/titles`);
    expect(status).toBe(200);
    expect(body.titles).toHaveLength(1);
    const [t] = body.titles;
    expect(t).toMatchObject({ titleId: 'T9000001', status: 'MORTGAGED', coOwnership: '单独所有', trustLevel: 'A' });
    expect(t.certificateNumber).toMatch(/^粤\(2019\)广州市不动产权第\d{7}号$/);
    expect(t.unitNumber).toHaveLength(28);
    expect(t.mortgage.mortgagee).toContain('建设银行');
  });

  it('finds a title by id or by certificate number, for its holder only', async () => {
    const byId = await call(`${holder('mortgaged-owner')}/titles/T9000001`);
    expect(byId.status).toBe(200);
    const byNumber = await call(
      `${holder('mortgaged-owner')}/titles/${encodeURIComponent(byId.body.certificateNumber)}`,
    );
    expect(byNumber.status).toBe(200);
    expect(byNumber.body.titleId).toBe('T9000001');
    const stranger = await call(`${holder('no-property')}/titles/T9000001`);
    expect(stranger.status).toBe(404);
    expect(stranger.body.error.code).toBe('TITLE_NOT_FOUND');
    expect((await call(`${holder('mortgaged-owner')}/titles/T9999999`)).body.error.code).toBe('TITLE_NOT_FOUND');
  });

  it('shows a shared title to both co-owners, with both obligees', async () => {
    for (const key of ['co-owner-a', 'co-owner-b']) {
      const { status, body } = await call(`${holder(key)}/titles/T9000002/co-owners`);
      expect(status).toBe(200);
      expect(body.coOwnership).toBe('按份共有');
      expect(body.obligees.map((o: { name: string }) => o.name).sort()).toEqual(
        [personas['co-owner-a'].name, personas['co-owner-b'].name].sort(),
      );
    }
  });

  it('refuses an ID number that fails the checksum', async () => {
    const bad =
      personas['mortgaged-owner'].idNumber.slice(0, 17) +
      (personas['mortgaged-owner'].idNumber[17] === '1' ? '2' : '1');
    const { status, body } = await call(`/v1/realestate/holders/${bad}/titles`);
    expect(status).toBe(400);
    expect(body.error.code).toBe('INVALID_ID_NUMBER');
  });

  it('moves a title through SEALED and back to NORMAL with the sandbox helper', async () => {
    const sealed = await call(
      '/sandbox/realestate/titles/T9000004/status',
      { method: 'POST', body: JSON.stringify({ status: 'SEALED' }) },
      null,
    );
    expect(sealed.status).toBe(200);
    expect(sealed.body.status).toBe('SEALED');
    expect(sealed.body.seal.authority).toMatch(/法院$/);
    const read = await call(`${holder('elder')}/titles/T9000004`);
    expect(read.body.status).toBe('SEALED');
    const normal = await call(
      '/sandbox/realestate/titles/T9000004/status',
      { method: 'POST', body: JSON.stringify({ status: 'NORMAL' }) },
      null,
    );
    expect(normal.body).toMatchObject({ status: 'NORMAL', seal: null, mortgage: null });
    const bad = await call(
      '/sandbox/realestate/titles/T9000004/status',
      { method: 'POST', body: JSON.stringify({ status: 'LOST' }) },
      null,
    );
    expect(bad.status).toBe(400);
    expect(
      (
        await call(
          '/sandbox/realestate/titles/T0000000/status',
          { method: 'POST', body: JSON.stringify({ status: 'NORMAL' }) },
          null,
        )
      ).status,
    ).toBe(404);
  });
});

describe('electronic-licence registry', () => {
  it("lists a holder's licences with trust levels and a status judged now", async () => {
    const { status, body } = await call(`/v1/licence/holders/${personas['mortgaged-owner'].idNumber}/licences`);
    expect(status).toBe(200);
    const types = body.licences.map((l: { type: string }) => l.type);
    expect(types).toEqual(expect.arrayContaining(['ID_CARD', 'HOUSEHOLD_REGISTER', 'MARRIAGE']));
    for (const l of body.licences) {
      expect(['A', 'B', 'C', 'D']).toContain(l.trustLevel);
      expect(l.holderIdNumber).toBe(personas['mortgaged-owner'].idNumber);
      expect(['VALID', 'EXPIRED', 'REVOKED']).toContain(l.effectiveStatus);
    }
  });

  it("answers 404 for someone else's licence", async () => {
    const own = await call(`/v1/licence/holders/${personas['mortgaged-owner'].idNumber}/licences`);
    const id = own.body.licences[0].licenceId;
    expect((await call(`/v1/licence/holders/${personas['mortgaged-owner'].idNumber}/licences/${id}`)).status).toBe(200);
    const other = await call(`/v1/licence/holders/${personas['no-property'].idNumber}/licences/${id}`);
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('LICENCE_NOT_FOUND');
  });

  it('answers 503 for the licence service alone when a fault is injected there', async () => {
    await call('/sandbox/faults', { method: 'POST', body: JSON.stringify({ service: 'licence', errorRate: 1 }) }, null);
    try {
      expect((await call(`/v1/licence/holders/${personas['mortgaged-owner'].idNumber}/licences`)).status).toBe(503);
      expect((await call(`${holder('mortgaged-owner')}/titles`)).status).toBe(200);
    } finally {
      await call('/sandbox/faults', { method: 'DELETE' }, null);
    }
  });
});
