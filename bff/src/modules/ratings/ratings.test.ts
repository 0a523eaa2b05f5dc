// 好差评 of household-move applications over HTTP: a resident rates their own completed
// application once, under the application's service item; one not yet completed, someone
// else's, or a second rating is refused.
import { examine, submitPropertyMove } from '../moves/testing';
import { call, httpSuite, loginBySms, realNameSession } from '../../testing/harness';

jest.setTimeout(120_000);

const suite = httpSuite();
/** The co-owner, signed in once (an identity binds to one account). */
let owner: string;

const GOOD = { overall: 5, efficiency: 4, guideAccuracy: 5, convenience: 5, easeOfUse: 4 };
const rate = (token: string, id: string, level = 'VERY_SATISFIED') =>
  call(suite.bff.url, 'POST', '/api/ratings', {
    token,
    body: { serviceRef: { type: 'application', id }, level, indicators: GOOD },
  });

function expectError(answer: { status: number; body: any }, status: number, code: string) {
  expect({ status: answer.status, code: answer.body?.error?.code }).toEqual({ status, code });
  expect(answer.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
}

beforeAll(async () => {
  owner = await realNameSession(suite.bff, suite.platforms.sandbox.url, suite.person('co-owner-b'));
});

it('rates the resident’s own completed application once, under its service item, and refuses the rest', async () => {
  const application = await submitPropertyMove(suite.bff, owner);
  const draft = await call(suite.bff.url, 'POST', '/api/moves/applications', {
    token: owner,
    body: { category: 'PROPERTY' },
  });
  expect(draft.status).toBe(201);

  expectError(await rate(owner, draft.body.applicationId), 409, 'SERVICE_NOT_FINISHED');
  expectError(await rate(owner, application.applicationId), 409, 'SERVICE_NOT_FINISHED');
  await examine(suite.platforms.sandbox.url, application.caseId, 'accept', 'approve');
  expectError(await rate(owner, application.applicationId), 409, 'SERVICE_NOT_FINISHED');
  await examine(suite.platforms.sandbox.url, application.caseId, 'complete');

  // Someone else cannot rate it, nor learn that it exists.
  const stranger = await loginBySms(suite.bff, suite.platforms.sandbox.url);
  expectError(await rate(stranger.token, application.applicationId), 404, 'SERVICE_NOT_FOUND');
  expectError(await rate(owner, 'MAnot-an-application-of-mine'), 404, 'SERVICE_NOT_FOUND');

  const rated = await rate(owner, application.applicationId);
  expect(rated.status).toBe(201);
  expect(rated.body).toMatchObject({
    serviceRef: { type: 'application', id: application.applicationId },
    level: 'VERY_SATISFIED',
    levelText: '非常满意',
    rectification: null,
  });
  const stored = await suite.bff.store.collection('ratings').findOne({ 'serviceRef.id': application.applicationId });
  expect(stored).toMatchObject({ itemCode: 'HJ-QR-GF', itemName: application.itemName, hallId: null, score: 5 });

  expectError(await rate(owner, application.applicationId, 'DISSATISFIED'), 409, 'ALREADY_RATED');
  expect(
    await suite.bff.store.collection('ratings').countDocuments({ 'serviceRef.id': application.applicationId }),
  ).toBe(1);
});

it('opens a rectification case for a bad rating of a completed application', async () => {
  const application = await submitPropertyMove(suite.bff, owner);
  await examine(suite.platforms.sandbox.url, application.caseId, 'accept', 'review', 'approve', 'complete');
  const rated = await rate(owner, application.applicationId, 'VERY_DISSATISFIED');
  expect(rated.status).toBe(201);
  expect(rated.body.rectification).toMatchObject({ status: 'OPEN', levelText: '非常不满意' });
  const mine = await call(suite.bff.url, 'GET', '/api/rectifications', { token: owner });
  expect(mine.body.rectifications.map((r: any) => r.rectificationId)).toEqual([
    rated.body.rectification.rectificationId,
  ]);
});
