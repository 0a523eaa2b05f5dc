// Notices of answers reach the resident even when the SMS gateway fails at answer time: the
// notice stays queued and the resident-notice job sends it, once, whatever the number of runners.
// Over HTTP against devdb and the sandbox (its fault injection stands in for the failing gateway).
import { createLogger } from '../../core/logger';
import { openStore } from '../../store';
import { call, loginBySms, startBff, startPlatforms, type Platforms, type TestBff } from '../../testing/harness';
import { createResidentNoticeJob } from './notice-job';
import { NOTICE_MAX_ATTEMPTS, NOTICE_RETRY_MS } from './notify';

jest.setTimeout(60_000);

let platforms: Platforms;
let bff: TestBff;
let staff: string;

beforeAll(async () => {
  platforms = await startPlatforms();
  bff = await startBff(platforms);
  staff = (await loginBySms(bff, platforms.sandbox.url, '13900000101')).token;
});

afterAll(async () => {
  await bff?.stop();
  await platforms?.stop();
});

afterEach(async () => {
  await sandbox('DELETE', '/sandbox/faults');
  await sandbox('DELETE', '/sandbox/clock');
});

const logger = createLogger('silent');
const sandbox = (method: string, path: string, body?: unknown) => call(platforms.sandbox.url, method, path, { body });
const later = (ms: number) => new Date(Date.now() + ms);

/** An SMS-only resident whose question a member of staff has answered while the gateway failed. */
async function answeredWhileSmsFails() {
  const resident = await loginBySms(bff, platforms.sandbox.url);
  const asked = await call(bff.url, 'POST', '/api/questions', {
    token: resident.token,
    body: { text: '居住证到期了怎么续签？' },
  });
  expect(asked.status).toBe(201);
  await sandbox('POST', '/sandbox/faults', { service: 'sms', errorRate: 1 });
  const answered = await call(bff.url, 'POST', `/api/questions/${asked.body.questionId}/replies`, {
    token: staff,
    body: { text: '可在社区服务站或线上办理续签。' },
  });
  expect(answered.status).toBe(200);
  expect(answered.body.status).toBe('ANSWERED');
  await sandbox('DELETE', '/sandbox/faults?service=sms');
  // The gateway allows one SMS a minute per number: let the log-in code's minute pass.
  await sandbox('POST', '/sandbox/clock', { now: later(5 * 60_000).toISOString() });
  return { mobile: resident.mobile, questionId: asked.body.questionId as string };
}

const noticeOf = async (questionId: string) => {
  const found = await bff.store
    .collection('notifications')
    .find({ _id: { $regex: `^question:${questionId}:` } } as never)
    .toArray();
  expect(found).toHaveLength(1);
  return found[0];
};

const smsNotices = async (mobile: string) =>
  ((await sandbox('GET', `/sandbox/sms/outbox?mobile=${mobile}`)).body.messages as any[]).filter(
    (m) => m.templateId === 'NOTICE',
  );

it('keeps a notice the gateway refused and sends it once when the job next finds it due', async () => {
  const { mobile, questionId } = await answeredWhileSmsFails();
  const pending = await noticeOf(questionId);
  expect(pending).toMatchObject({ status: 'PENDING', attempts: 1 });
  expect(pending.dueAt.getTime()).toBeGreaterThan(Date.now());
  expect(await smsNotices(mobile)).toHaveLength(0);

  const job = createResidentNoticeJob({ store: bff.store, platform: bff.platform, logger });
  expect(await job.runOnce(new Date())).toBe(0); // not due before its retry delay
  expect(await job.runOnce(later(NOTICE_RETRY_MS + 1000))).toBe(1);
  expect(await job.runOnce(later(2 * NOTICE_RETRY_MS + 1000))).toBe(0);

  const sent = await smsNotices(mobile);
  expect(sent).toHaveLength(1);
  expect(sent[0].text).toContain('已有工作人员回复');
  expect(await noticeOf(questionId)).toMatchObject({
    status: 'SENT',
    channel: 'sms',
    attempts: 2,
    claimedBy: job.instanceId,
  });
});

it('sends a due notice once when two runners on two connections drain at the same time', async () => {
  const { mobile, questionId } = await answeredWhileSmsFails();
  const secondStore = await openStore(bff.config.mongodbUri!);
  try {
    const runners = [
      createResidentNoticeJob({ store: bff.store, platform: bff.platform, logger }),
      createResidentNoticeJob({ store: secondStore, platform: bff.platform, logger }),
    ];
    const due = later(NOTICE_RETRY_MS + 1000);
    const sent = await Promise.all(runners.map((r) => r.runOnce(due)));
    expect(sent.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await smsNotices(mobile)).toHaveLength(1);
    const notice = await noticeOf(questionId);
    expect(notice).toMatchObject({ status: 'SENT', attempts: 2 });
    expect(runners[sent.indexOf(1)].instanceId).toBe(notice.claimedBy);
  } finally {
    await secondStore.close();
  }
});

it('gives a notice up as FAILED once its attempts run out, and the job leaves it alone', async () => {
  const { mobile, questionId } = await answeredWhileSmsFails();
  await sandbox('POST', '/sandbox/faults', { service: 'sms', errorRate: 1 });
  const job = createResidentNoticeJob({ store: bff.store, platform: bff.platform, logger });
  for (let attempt = 2; attempt <= NOTICE_MAX_ATTEMPTS; attempt++)
    expect(await job.runOnce(later(attempt * (NOTICE_RETRY_MS + 1000)))).toBe(0);
  expect(await noticeOf(questionId)).toMatchObject({ status: 'FAILED', attempts: NOTICE_MAX_ATTEMPTS });

  await sandbox('DELETE', '/sandbox/faults');
  expect(await job.runOnce(later(100 * NOTICE_RETRY_MS))).toBe(0);
  expect(await smsNotices(mobile)).toHaveLength(0);
});
