// Catalogue, household registry and case handling over real HTTP: keyword search, guides with
// halls, kinship, insurance, idempotent case creation, examiner transitions with the one-stop
// migration-certificate exchange on the timeline, corrections, the change feed.
import { makeIdNumber } from '../../../../src/rules/id-number';
import { startDevdb, type RunningDevdb } from '../../../../test-support/devdb';
import { startSandbox, type RunningSandbox } from '../../../../test-support/sandbox';
import { client, expectError, type Client } from '../../testing';

let devdb: RunningDevdb;
let sandbox: RunningSandbox;
let api: Client;
interface Persona {
  key: string;
  idNumber: string;
  name: string;
}
let people: Record<string, Persona>;

beforeAll(async () => {
  devdb = await startDevdb();
  sandbox = await startSandbox({ mongodbUri: devdb.uri });
  api = client(sandbox.url, sandbox.platformKey);
  const res = await api.get('/sandbox/personas', { key: null });
  people = Object.fromEntries(res.body.residents.map((p: Persona) => [p.key, p]));
});

afterAll(async () => {
  await sandbox?.stop();
  await devdb?.stop();
});

describe('catalogue', () => {
  it('finds items by Chinese keywords and gives the full guide with halls', async () => {
    const all = await api.get('/v1/catalogue/items');
    expect(all.status).toBe(200);
    expect(all.body.items.length).toBeGreaterThanOrEqual(12);
    const found = await api.get(`/v1/catalogue/items?q=${encodeURIComponent('毕业生')}`);
    expect(found.body.items.map((i: { code: string }) => i.code)).toEqual(['HJ-QR-RC']);
    const move = await api.get(`/v1/catalogue/items?q=${encodeURIComponent('落户 投靠')}`);
    expect(move.body.items.map((i: { code: string }) => i.code).sort()).toEqual(['HJ-QR-FM', 'HJ-QR-FQ', 'HJ-QR-ZN']);
    expect((await api.get(`/v1/catalogue/items?q=${encodeURIComponent('潜水艇')}`)).body.items).toEqual([]);

    const guide = await api.get('/v1/catalogue/items/HJ-QR-GF');
    expect(guide.status).toBe(200);
    expect(guide.body).toMatchObject({
      code: 'HJ-QR-GF',
      moveCategory: 'PROPERTY',
      timeLimitDays: 10,
      visitsNeeded: 0,
      fee: '不收费',
    });
    expect(guide.body.materials.map((m: { source: string }) => m.source)).toEqual([
      'licence',
      'household',
      'realestate',
    ]);
    expect(guide.body.legalBasis.length).toBeGreaterThan(0);
    expect(guide.body.halls.length).toBeGreaterThan(0);
    expectError(await api.get('/v1/catalogue/items/XX-NO'), 404, 'ITEM_NOT_FOUND');
    expect((await api.get('/v1/catalogue/items', { key: null })).status).toBe(401);
  });
});

describe('household registry', () => {
  it('answers a record, kinship within a household and by marriage, and insurance', async () => {
    const grad = people.graduate;
    const record = await api.get(`/v1/household/persons/${grad.idNumber}`);
    expect(record.status).toBe(200);
    expect(record.body).toMatchObject({
      person: { name: grad.name },
      relationToHead: '女',
      household: { city: '重庆市' },
      trustLevel: 'A',
    });
    expect(record.body.household.members).toHaveLength(3);

    const father = await api.post('/v1/household/kinship', {
      idNumber: grad.idNumber,
      relativeIdNumber: makeIdNumber('500106', '1975-06-30', 13),
      relativeName: '张卫东',
    });
    expect(father.body).toMatchObject({ nameMatches: true, relation: 'PARENT', basis: 'HOUSEHOLD' });

    const spouse = await api.post('/v1/household/kinship', {
      idNumber: people['spouse-b'].idNumber,
      relativeIdNumber: people['spouse-a'].idNumber,
      relativeName: people['spouse-a'].name,
    });
    expect(spouse.body).toMatchObject({
      nameMatches: true,
      relation: 'SPOUSE',
      basis: 'MARRIAGE_REGISTER',
      sameHousehold: false,
    });
    expect(spouse.body.relative.household.city).toBe('成都市');

    const wrongName = await api.post('/v1/household/kinship', {
      idNumber: people['spouse-b'].idNumber,
      relativeIdNumber: people['spouse-a'].idNumber,
      relativeName: '王小磊',
    });
    expect(wrongName.body).toMatchObject({ nameMatches: false, relation: 'NONE', relative: null });

    const insurance = await api.get(`/v1/household/persons/${people['no-property'].idNumber}/social-insurance`);
    expect(insurance.body).toMatchObject({ city: '广州市', continuousMonths: 72, status: 'ACTIVE', trustLevel: 'A' });
    expectError(
      await api.get(`/v1/household/persons/${makeIdNumber('110105', '1949-12-31', 998)}`),
      404,
      'PERSON_NOT_FOUND',
    );
  });
});

function newCase(ref: string, applicant: Persona) {
  return {
    externalRef: ref,
    itemCode: 'HJ-QR-RC',
    itemName: '人才（毕业生）落户',
    category: 'TALENT',
    timeLimitDays: 5,
    applicant: { idNumber: applicant.idNumber, name: applicant.name },
    origin: {
      city: '重庆市',
      divisionCode: '500106',
      address: '重庆市沙坪坝区汉渝路9号',
      policeStation: '重庆市公安局沙坪坝区分局汉渝派出所',
      householdNumber: null,
    },
    destination: {
      city: '广州市',
      divisionCode: '440106',
      address: '广州市天河区天河路1号',
      policeStation: '广州市公安局天河分局天河派出所',
      householdNumber: null,
    },
    materials: [
      {
        key: 'ID_CARD',
        name: '居民身份证',
        source: 'licence',
        trustLevel: 'A',
        reference: 'L00000001',
        issuer: '公安',
        fetchedAt: new Date().toISOString(),
      },
    ],
    consent: { at: new Date().toISOString(), services: ['licence'], statement: '同意' },
  };
}

describe('case handling', () => {
  it('takes a case once per externalRef and walks the examiner states with the one-stop exchange', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const first = await api.post('/v1/case/cases', newCase('bff-app-0001', people.graduate));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'SUBMITTED', crossProvince: true, dueDate: null });
    expect(first.body.caseId).toMatch(/^QR\d{14}$/);
    const again = await api.post('/v1/case/cases', newCase('bff-app-0001', people.graduate));
    expect(again.status).toBe(200);
    expect(again.body.caseId).toBe(first.body.caseId);
    const id = first.body.caseId;
    const act = (body: unknown) => api.post(`/sandbox/cases/${id}/transition`, body, { key: null });

    expectError(await act({ action: 'complete' }), 409, 'TRANSITION_NOT_ALLOWED');
    const accepted = await act({ action: 'accept' });
    expect(accepted.body.status).toBe('ACCEPTED');
    expect(accepted.body.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(accepted.body.events.map((e: { type: string }) => e.type)).toEqual([
      'STATUS',
      'STATUS',
      'MIGRATION_CERT_REQUESTED',
    ]);

    expectError(await act({ action: 'request-correction', items: [] }), 400, 'INVALID_REQUEST');
    const correction = await act({
      action: 'request-correction',
      items: [{ materialKey: 'EMPLOYMENT_AGREEMENT', reason: '就业协议缺少单位盖章页' }],
    });
    expect(correction.body).toMatchObject({
      status: 'NEEDS_CORRECTION',
      corrections: [{ materialKey: 'EMPLOYMENT_AGREEMENT', reason: '就业协议缺少单位盖章页' }],
    });

    const other = people['no-property'];
    const notMine = await api.post(`/v1/case/cases/${id}/corrections`, {
      idNumber: other.idNumber,
      materials: newCase('x', other).materials,
    });
    expectError(notMine, 404, 'CASE_NOT_FOUND');
    const fixed = await api.post(`/v1/case/cases/${id}/corrections`, {
      idNumber: people.graduate.idNumber,
      materials: [
        {
          key: 'EMPLOYMENT_AGREEMENT',
          name: '就业协议书或劳动合同',
          source: 'upload',
          trustLevel: 'C',
          fileName: 'a.pdf',
          mimeType: 'application/pdf',
          size: 1000,
          sha256: 'a'.repeat(64),
        },
      ],
    });
    expect(fixed.body).toMatchObject({ status: 'UNDER_REVIEW', corrections: [] });
    expect(fixed.body.materials).toHaveLength(2);

    const approved = await act({ action: 'approve' });
    expect(approved.body.status).toBe('APPROVED');
    expect(approved.body.migrationCertificate).toMatchObject({ issuedBy: '重庆市公安局沙坪坝区分局汉渝派出所' });
    expect(approved.body.events.at(-1).type).toBe('MIGRATION_CERT_RECEIVED');
    const done = await act({ action: 'complete' });
    expect(done.body.status).toBe('COMPLETED');
    expectError(await act({ action: 'reject', reason: '晚了' }), 409, 'TRANSITION_NOT_ALLOWED');

    const feed = await api.get(`/v1/case/changes?since=${encodeURIComponent(since)}`);
    expect(feed.body.cases.map((c: { caseId: string }) => c.caseId)).toContain(id);
    const mine = await api.get(`/v1/case/persons/${people.graduate.idNumber}/cases`);
    expect(mine.body.cases[0].caseId).toBe(id);
  });

  it('rejects with a reason only', async () => {
    const created = await api.post('/v1/case/cases', newCase('bff-app-0002', people['no-property']));
    const id = created.body.caseId;
    expectError(
      await api.post(`/sandbox/cases/${id}/transition`, { action: 'reject' }, { key: null }),
      400,
      'INVALID_REQUEST',
    );
    const rejected = await api.post(
      `/sandbox/cases/${id}/transition`,
      { action: 'reject', reason: '不符合落户条件' },
      { key: null },
    );
    expect(rejected.body).toMatchObject({ status: 'REJECTED', rejectReason: '不符合落户条件' });
  });
});
