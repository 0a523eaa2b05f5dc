// 督办 over HTTP: applications past their time limit are counted from the household-move
// applications and their cases, judged by the same working-day deadline the resident sees;
// completed, rejected and paused (补正) ones are not counted. The rest of the summary stays
// available while the case service is down.
import { examine, submitPropertyMove } from '../moves/testing';
import { feedbackClock } from '../questions/clock';
import { call, httpSuite, loginBySms, realNameSession } from '../../testing/harness';

jest.setTimeout(120_000);

const suite = httpSuite();
let supervisor: string;
let owner: string;

const summary = (token = supervisor) => call(suite.bff.url, 'GET', '/api/supervision/summary', { token });

beforeAll(async () => {
  const supervisorMobile = suite.staff.find((s: { role: string }) => s.role === 'supervisor').mobile;
  supervisor = (await loginBySms(suite.bff, suite.platforms.sandbox.url, supervisorMobile)).token;
  owner = await realNameSession(suite.bff, suite.platforms.sandbox.url, suite.person('co-owner-b'));
});

afterEach(() => feedbackClock.reset());

it('counts open applications whose working-day deadline has passed, and no others', async () => {
  const empty = await summary();
  expect(empty.status).toBe(200);
  expect(empty.body.applications).toEqual({ available: true, pastTimeLimit: 0, note: null });

  const filed = async (...actions: string[]) => {
    const application = await submitPropertyMove(suite.bff, owner);
    await examine(suite.platforms.sandbox.url, application.caseId, ...actions);
    return application;
  };
  const accepted = await filed('accept');
  const waiting = await filed(); // never accepted: judged by the estimated deadline from submission
  await filed('accept', 'approve', 'complete');
  await filed('accept', 'reject');
  await filed('accept', 'review');
  const paused = await filed('accept');
  await call(suite.platforms.sandbox.url, 'POST', `/sandbox/cases/${paused.caseId}/transition`, {
    body: { action: 'request-correction', items: ['请补充购房合同'] },
  });
  await call(suite.bff.url, 'POST', '/api/moves/applications', { token: owner, body: { category: 'PROPERTY' } }); // a draft

  // Today every deadline (10 working days for this item) is ahead.
  expect((await summary()).body.applications.pastTimeLimit).toBe(0);
  const detail = await call(suite.bff.url, 'GET', `/api/applications/${accepted.applicationId}`, { token: owner });
  const dueDate: string = detail.body.deadline.dueDate;
  expect(detail.body.deadline).toMatchObject({ timeLimitDays: 10, estimated: false, overdue: false });

  // On the due date itself the case is still in time; the day after it is overdue.
  feedbackClock.set(new Date(`${dueDate}T12:00:00+08:00`));
  expect((await summary()).body.applications.pastTimeLimit).toBe(0);
  feedbackClock.set(new Date(new Date(`${dueDate}T12:00:00+08:00`).getTime() + 60 * 86_400_000));
  const late = await summary();
  // The accepted one under review, the accepted one and the never-accepted one; not the completed,
  // rejected or paused ones, nor the draft.
  expect(late.body.applications).toEqual({ available: true, pastTimeLimit: 3, note: null });

  // Completing one takes it off the count.
  await examine(suite.platforms.sandbox.url, accepted.caseId, 'approve', 'complete');
  await examine(suite.platforms.sandbox.url, waiting.caseId, 'reject');
  expect((await summary()).body.applications.pastTimeLimit).toBe(1);

  // Only supervisors read the summary.
  const resident = await summary(owner);
  expect({ status: resident.status, code: resident.body.error.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
});

it('still answers with the rest of the summary while the case service is down, saying so', async () => {
  await submitPropertyMove(suite.bff, owner);
  const fault = await call(suite.platforms.sandbox.url, 'POST', '/sandbox/faults', {
    body: { service: 'case', errorRate: 1 },
  });
  expect(fault.status).toBe(200);
  try {
    const down = await summary();
    expect(down.status).toBe(200);
    expect(down.body.applications).toMatchObject({ available: false, pastTimeLimit: 0 });
    expect(down.body.applications.note).toMatch(/[\u4e00-\u9fa5]/);
    expect(down.body.rectifications).toMatchObject({ open: expect.any(Number) });
  } finally {
    await call(suite.platforms.sandbox.url, 'DELETE', '/sandbox/faults');
  }
});
