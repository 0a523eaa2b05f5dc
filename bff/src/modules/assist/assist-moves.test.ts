// 代办 of household moves over HTTP: a guide under a proxy grant drafts, submits and reads a
// move application for the resident inside the granted items, is refused outside them, and
// every attempt lands in the resident's 代办记录 with both people named.
import { call, httpSuite, loginBySms, realNameSession } from '../../testing/harness';

jest.setTimeout(120_000);

const suite = httpSuite();
let guideMobile: string;

/** The property move (购房落户) is granted; the spouse move (夫妻投靠) is not. */
const GRANTED = 'HJ-QR-GF';
const NOT_GRANTED = 'HJ-QR-FQ';
const api = (method: string, path: string, token: string, body?: unknown, grantId?: string) =>
  call(suite.bff.url, method, path, { token, body, headers: grantId ? { 'X-Assist-Grant': grantId } : undefined });

function expectError(answer: { status: number; body: any }, status: number, code: string) {
  expect({ status: answer.status, code: answer.body?.error?.code }).toEqual({ status, code });
}

beforeAll(() => {
  guideMobile = suite.guides.find((g: { key: string }) => g.key === 'guide-1').mobile;
});

const person = (key: string) => suite.people.find((p) => p.key === key)!;

/** The co-owner (eligible for a property move) grants guide-1 a 代办 of the property move. */
async function propertyGrant() {
  const resident = await realNameSession(suite.bff, suite.platforms.sandbox.url, person('co-owner-b'));
  const login = await loginBySms(suite.bff, suite.platforms.sandbox.url, guideMobile);
  expect(login.body.user.role).toBe('guide');
  const guide = login.token;
  const request = await api('POST', '/api/assist/requests', guide, {
    items: [GRANTED],
    mode: 'PROXY',
    durationMinutes: 60,
  });
  expect(request.status).toBe(201);
  const granted = await api('POST', '/api/assist/grants', resident, { code: request.body.qrText });
  expect(granted.status).toBe(201);
  return { resident, guide, grantId: granted.body.grantId as string };
}

it('drafts, submits and reads a move inside the grant as the resident, refuses outside it, and records both people', async () => {
  const { resident, guide, grantId } = await propertyGrant();

  // Inside the grant: the guide drafts and submits the resident's property move.
  const created = await api(
    'POST',
    '/api/moves/applications',
    guide,
    { category: 'PROPERTY', form: { contactMobile: '13900000003', promise: true } },
    grantId,
  );
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({ itemCode: GRANTED, status: 'DRAFT' });
  const id = created.body.applicationId as string;
  const saved = await api('PATCH', `/api/moves/applications/${id}`, guide, { version: 1, step: 3 }, grantId);
  expect(saved.body).toMatchObject({ version: 2, step: 3 });
  const submitted = await api('POST', `/api/moves/applications/${id}/submit`, guide, { consent: true }, grantId);
  expect(submitted.status).toBe(200);
  expect(submitted.body).toMatchObject({ status: 'SUBMITTED', caseId: expect.stringMatching(/^QR\d{14}$/) });
  // It is the resident's application: the resident sees it as their own.
  const theirs = await api('GET', `/api/applications/${id}`, resident);
  expect(theirs.body).toMatchObject({ status: 'SUBMITTED', caseId: submitted.body.caseId });
  // The case was filed in the resident's name.
  const cases = (await call(suite.platforms.sandbox.url, 'GET', '/sandbox/cases')).body.cases;
  expect(cases.find((c: any) => c.caseId === submitted.body.caseId).applicant.name).toBe(person('co-owner-b').name);

  // Outside the grant: a spouse move cannot be drafted, nor the resident's own one touched or read.
  expectError(
    await api('POST', '/api/moves/applications', guide, { category: 'SPOUSE' }, grantId),
    403,
    'ASSIST_ITEM_NOT_GRANTED',
  );
  const own = await api('POST', '/api/moves/applications', resident, { category: 'SPOUSE' });
  expect(own.body.itemCode).toBe(NOT_GRANTED);
  const ownId = own.body.applicationId as string;
  expectError(
    await api('PATCH', `/api/moves/applications/${ownId}`, guide, { version: 1, step: 2 }, grantId),
    403,
    'ASSIST_ITEM_NOT_GRANTED',
  );
  expectError(
    await api('POST', `/api/moves/applications/${ownId}/submit`, guide, { consent: true }, grantId),
    403,
    'ASSIST_ITEM_NOT_GRANTED',
  );
  expectError(
    await api('GET', `/api/applications/${ownId}`, guide, undefined, grantId),
    403,
    'ASSIST_ITEM_NOT_GRANTED',
  );
  // An application the resident does not have names no item and is refused too.
  expectError(
    await api('GET', '/api/applications/MAxxxxxxxxxxxxxxxxxxxx', guide, undefined, grantId),
    403,
    'ASSIST_ITEM_NOT_GRANTED',
  );
  // The list is cut down to the granted items; the resident sees both.
  const seen = await api('GET', '/api/applications', guide, undefined, grantId);
  expect(seen.body.applications.map((a: any) => a.applicationId)).toEqual([id]);
  const all = await api('GET', '/api/applications', resident);
  expect(all.body.applications.map((a: any) => a.applicationId).sort()).toEqual([id, ownId].sort());
  // Without the grant the guide reaches nothing of the resident's.
  expectError(await api('GET', `/api/applications/${id}`, guide), 403, 'LEVEL_REQUIRED');

  const grant = (await api('GET', '/api/assist/grants', resident)).body.grants[0];
  expect(grant.actions.map((a: any) => [a.operationId, a.itemCode, a.result, a.errorCode, a.targetId])).toEqual([
    ['createMoveApplication', GRANTED, 'OK', null, id],
    ['updateMoveApplication', GRANTED, 'OK', null, id],
    ['submitMoveApplication', GRANTED, 'OK', null, id],
    ['createMoveApplication', NOT_GRANTED, 'REFUSED', 'ASSIST_ITEM_NOT_GRANTED', null],
    ['updateMoveApplication', NOT_GRANTED, 'REFUSED', 'ASSIST_ITEM_NOT_GRANTED', ownId],
    ['submitMoveApplication', NOT_GRANTED, 'REFUSED', 'ASSIST_ITEM_NOT_GRANTED', ownId],
    ['getApplication', NOT_GRANTED, 'REFUSED', 'ASSIST_ITEM_NOT_GRANTED', ownId],
    ['getApplication', null, 'REFUSED', 'ASSIST_ITEM_NOT_GRANTED', 'MAxxxxxxxxxxxxxxxxxxxx'],
    ['listMyApplications', null, 'OK', null, null],
  ]);
  expect(grant.actions[0]).toMatchObject({
    operationName: '新建迁户申请',
    guide: { staffId: 'S9000011', name: '孙海燕' },
  });
  // The stored record names the resident's account as well as the guide.
  const stored = await suite.bff.store
    .collection('assist_actions')
    .findOne({ grantId, operationId: 'submitMoveApplication' } as never);
  const me = await api('GET', '/api/me', resident);
  expect(String(stored!.residentAccountId)).toBe(me.body.user.id);
  expect(stored!.guide).toMatchObject({ staffId: 'S9000011', name: '孙海燕' });
});
