// Queries, the staff inbox, 好差评 and supervision over HTTP against devdb and the sandbox.
import { randomBytes } from 'node:crypto';
import { addWorkingDays } from '../../rules/working-days';
import { call, httpSuite, loginBySms } from '../../testing/harness';
import { feedbackClock } from './clock';

const suite = httpSuite();
let staff1: string;
let staff2: string;
let supervisor: string;
let guide: string;

const STAFF_1 = { mobile: '13900000101', staffId: 'S9000001' };
const GOOD = { overall: 5, efficiency: 5, guideAccuracy: 4, convenience: 5, easeOfUse: 4 };
const BAD = { overall: 2, efficiency: 1, guideAccuracy: 2, convenience: 2, easeOfUse: 3 };

beforeAll(async () => {
  staff1 = (await loginBySms(suite.bff, suite.platforms.sandbox.url, STAFF_1.mobile)).token;
  staff2 = (await loginBySms(suite.bff, suite.platforms.sandbox.url, '13900000102')).token;
  supervisor = (await loginBySms(suite.bff, suite.platforms.sandbox.url, '13900000103')).token;
  guide = (await loginBySms(suite.bff, suite.platforms.sandbox.url, '13900000201')).token;
});

afterAll(() => feedbackClock.reset());

afterEach(() => feedbackClock.reset());

const api = (method: string, path: string, token?: string, body?: unknown) =>
  call(suite.bff.url, method, path, { token, body });

/** A mini-program resident (notices go by WeChat subscription message). */
async function wechatResident() {
  const openid = `o${randomBytes(20).toString('base64url').slice(0, 27)}`;
  const code = (await call(suite.platforms.sandbox.url, 'POST', '/sandbox/wechat/code', { body: { openid } })).body
    .code;
  const login = await api('POST', '/api/auth/wechat-login', undefined, { code });
  expect(login.status).toBe(200);
  return { openid, token: login.body.token as string };
}

async function wechatOutbox(openid: string) {
  return (await call(suite.platforms.sandbox.url, 'GET', `/sandbox/wechat/outbox?openid=${openid}`)).body
    .messages as any[];
}

async function ask(token: string, text: string, subject?: unknown) {
  const res = await api('POST', '/api/questions', token, { text, ...(subject ? { subject } : {}) });
  expect(res.status).toBe(201);
  return res.body;
}

const inbox = async (token: string, filter: string, limit = 50) => {
  const res = await api('GET', `/api/inbox?filter=${filter}&limit=${limit}`, token);
  expect(res.status).toBe(200);
  return res.body.items as any[];
};

const ids = (items: any[]) => items.map((i) => i.questionId);

describe('FAQ suggestions', () => {
  it('suggests matching entries for Chinese keywords before a question is sent', async () => {
    const { token } = await wechatResident();
    const res = await api('GET', `/api/questions/faq?q=${encodeURIComponent('我买了房子，户口能迁过来吗')}`, token);
    expect(res.status).toBe(200);
    expect(res.body.entries.length).toBeGreaterThan(0);
    expect(res.body.entries[0]).toMatchObject({ itemCode: 'HJ-QR-GF', itemName: '购房落户' });
    const id = await api('GET', `/api/questions/faq?q=${encodeURIComponent('身份证丢了')}`, token);
    expect(id.body.entries[0].question).toBe('身份证丢了怎么办？');
    const none = await api('GET', `/api/questions/faq?q=${encodeURIComponent('天气预报')}`, token);
    expect(none.body.entries).toEqual([]);
    const short = await api('GET', '/api/questions/faq?q=a', token);
    expect(short.status).toBe(400);
  });
});

describe('thread life cycle', () => {
  it('asks, takes, answers with a canned reply, keeps notes internal, notifies once, closes, rates once', async () => {
    const resident = await wechatResident();
    const asked = await ask(resident.token, '我在天河区买了房，想把户口迁过来，需要准备什么？', {
      type: 'item',
      id: 'HJ-QR-GF',
    });
    expect(asked).toMatchObject({ status: 'OPEN', subject: { type: 'item', label: '购房落户', verified: true } });
    const qid = asked.questionId;

    expect(ids(await inbox(staff1, 'unassigned'))).toContain(qid);
    const taken = await api('POST', `/api/questions/${qid}/assignment`, staff1, { mode: 'take' });
    expect(taken.status).toBe(200);
    expect(taken.body.assignee).toEqual({ staffId: STAFF_1.staffId, name: '周敏' });
    expect(ids(await inbox(staff1, 'unassigned'))).not.toContain(qid);
    expect(ids(await inbox(staff1, 'mine'))).toContain(qid);
    // Another member of staff cannot take or answer it.
    const grab = await api('POST', `/api/questions/${qid}/assignment`, staff2, { mode: 'take' });
    expect(grab.status).toBe(409);
    expect(grab.body.error.code).toBe('ALREADY_ASSIGNED');
    expect((await api('POST', `/api/questions/${qid}/replies`, staff2, { text: '我来答' })).body.error.code).toBe(
      'ASSIGNED_TO_OTHER',
    );

    const note = await api('POST', `/api/questions/${qid}/replies`, staff1, {
      text: '内部：该居民上周来过窗口',
      internal: true,
    });
    expect(note.status).toBe(200);
    expect(note.body.status).toBe('OPEN');
    const canned = await api('POST', `/api/questions/${qid}/replies`, staff1, { cannedId: 'materials' });
    expect(canned.status).toBe(200);
    expect(canned.body.status).toBe('ANSWERED');
    const answer = canned.body.messages.at(-1);
    expect(answer.text).toContain('办理购房落户所需材料');
    expect(answer.text).not.toMatch(/\{name\}|\{item\}/);
    expect(ids(await inbox(staff1, 'waiting'))).toContain(qid);

    // The resident's view: the answer, never the note (nor the assignment notes).
    const seen = await api('GET', `/api/questions/${qid}`, resident.token);
    expect(seen.status).toBe(200);
    expect(JSON.stringify(seen.body)).not.toContain('内部');
    expect(JSON.stringify(seen.body)).not.toContain('认领');
    expect(seen.body.messages.map((m: any) => m.kind)).toEqual(['message', 'message']);
    expect(seen.body.messages[1].staffName).toBe('周*');
    expect(seen.body.assignee).toBeUndefined();
    const staffView = await api('GET', `/api/questions/${qid}`, staff1);
    expect(staffView.body.messages.some((m: any) => m.kind === 'note' && m.text.includes('内部'))).toBe(true);

    // One WeChat notice for the one answer.
    const notices = (await wechatOutbox(resident.openid)).filter((m) => m.templateId === 'BIANMIN_QUERY_ANSWERED');
    expect(notices).toHaveLength(1);

    // Follow-up by the resident puts it back to the staff.
    const more = await api('POST', `/api/questions/${qid}/replies`, resident.token, {
      text: '我的房子是二手房，也可以吗？',
    });
    expect(more.body.status).toBe('OPEN');
    const reply = await api('POST', `/api/questions/${qid}/replies`, staff1, {
      text: '二手房取得产权证后同样可以申请。',
    });
    expect(reply.body.status).toBe('ANSWERED');
    expect((await wechatOutbox(resident.openid)).filter((m) => m.templateId === 'BIANMIN_QUERY_ANSWERED')).toHaveLength(
      2,
    );

    // Not rateable before it is closed; closed, rated once.
    const early = await api('POST', '/api/ratings', resident.token, {
      serviceRef: { type: 'question', id: qid },
      level: 'SATISFIED',
      indicators: GOOD,
    });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('SERVICE_NOT_FINISHED');
    const closed = await api('POST', `/api/questions/${qid}/close`, staff1, {});
    expect(closed.body.status).toBe('CLOSED');
    expect(ids(await inbox(staff1, 'mine'))).not.toContain(qid);
    const after = await api('POST', `/api/questions/${qid}/replies`, resident.token, { text: '还有一个问题' });
    expect(after.status).toBe(409);
    expect(after.body.error.code).toBe('QUESTION_CLOSED');
    expect((await api('GET', '/api/questions', resident.token)).body.questions[0]).toMatchObject({
      questionId: qid,
      canRate: true,
    });

    const rated = await api('POST', '/api/ratings', resident.token, {
      serviceRef: { type: 'question', id: qid },
      level: 'VERY_SATISFIED',
      indicators: GOOD,
      comment: '回复很快',
    });
    expect(rated.status).toBe(201);
    expect(rated.body).toMatchObject({ levelText: '非常满意', rectification: null });
    const twice = await Promise.all(
      [1, 2].map(() =>
        api('POST', '/api/ratings', resident.token, {
          serviceRef: { type: 'question', id: qid },
          level: 'SATISFIED',
          indicators: GOOD,
        }),
      ),
    );
    expect(twice.map((r) => r.status)).toEqual([409, 409]);
    expect(twice[0].body.error.code).toBe('ALREADY_RATED');
    expect(await suite.bff.store.collection('ratings').countDocuments({ 'serviceRef.id': qid } as never)).toBe(1);
    const final = await api('GET', `/api/questions/${qid}`, resident.token);
    expect(final.body).toMatchObject({ canRate: false, rating: { levelText: '非常满意' } });

    // Staff may reopen; it comes back to the assignee's inbox.
    const reopened = await api('POST', `/api/questions/${qid}/reopen`, staff1, {});
    expect(reopened.body.status).toBe('OPEN');
    expect(ids(await inbox(staff1, 'mine'))).toContain(qid);
  });

  it('sends an SMS notice to a resident without WeChat, once per answer', async () => {
    const { token, mobile } = await loginBySms(suite.bff, suite.platforms.sandbox.url);
    const { questionId } = await ask(token, '身份证快过期了，在哪里换？');
    // The gateway allows one SMS a minute per number: let the log-in code's minute pass.
    await call(suite.platforms.sandbox.url, 'POST', '/sandbox/clock', {
      body: { now: new Date(Date.now() + 5 * 60_000).toISOString() },
    });
    try {
      const res = await api('POST', `/api/questions/${questionId}/replies`, staff1, { text: '可到任一派出所换领。' });
      expect(res.status).toBe(200);
      const sms = (await call(suite.platforms.sandbox.url, 'GET', `/sandbox/sms/outbox?mobile=${mobile}`)).body
        .messages as any[];
      expect(sms.filter((m) => m.templateId === 'NOTICE')).toHaveLength(1);
      expect(sms[0].text).toContain('已有工作人员回复');
      const outbox = await suite.bff.store
        .collection('notifications')
        .find({ _id: { $regex: `^question:${questionId}` } } as never)
        .toArray();
      expect(outbox).toEqual([expect.objectContaining({ status: 'SENT', channel: 'sms' })]);
    } finally {
      await call(suite.platforms.sandbox.url, 'DELETE', '/sandbox/clock');
    }
  });
});

describe('inbox filters and the first-reply target in working days', () => {
  it('is due by the end of the next working day, skipping weekends and public holidays', async () => {
    const { token } = await wechatResident();
    // Friday 3 April 2026, 10:00 in China; 4-6 April is the 清明 holiday.
    feedbackClock.set(new Date('2026-04-03T02:00:00Z'));
    const q = await ask(token, '清明节前提的问题，什么时候能答复？');
    expect(q.firstReplyDueDay).toBe('2026-04-07');
    expect(q.firstReplyDueDay).toBe(addWorkingDays('2026-04-03', 1));

    feedbackClock.set(new Date('2026-04-07T12:00:00Z')); // Tuesday 20:00: still within the target
    expect(ids(await inbox(staff1, 'overdue'))).not.toContain(q.questionId);
    const onTime = (await inbox(staff1, 'unassigned')).find((i) => i.questionId === q.questionId);
    expect(onTime).toMatchObject({ overdue: false, workingDaysLate: 0 });

    feedbackClock.set(new Date('2026-04-10T02:00:00Z')); // Friday 10:00: three working days on
    const late = (await inbox(staff1, 'overdue')).find((i) => i.questionId === q.questionId);
    expect(late).toMatchObject({ overdue: true, workingDaysLate: 3 });
    const view = await api('GET', `/api/questions/${q.questionId}`, supervisor);
    expect(view.body).toMatchObject({ overdue: true, workingDaysLate: 3 });

    // Answering ends the overdue state (the target is about the first reply).
    await api('POST', `/api/questions/${q.questionId}/replies`, staff1, { text: '抱歉久等，已为您核实。' });
    expect(ids(await inbox(staff1, 'overdue'))).not.toContain(q.questionId);
    expect(ids(await inbox(staff1, 'waiting'))).toContain(q.questionId);
  });

  it('round-robins automatic assignment among the staff on duty in the hall', async () => {
    const onDuty = (
      await call(suite.platforms.sandbox.url, 'GET', '/v1/staff?role=staff&hallId=HALL-GZ-01&onDuty=true', {
        headers: { 'x-platform-key': suite.platforms.sandbox.platformKey },
      })
    ).body.staff.map((s: any) => s.staffId) as string[];
    expect(onDuty.length).toBeGreaterThan(1);
    const { token } = await wechatResident();
    const picks: string[] = [];
    for (let i = 0; i < onDuty.length + 1; i += 1) {
      const q = await ask(token, `第 ${i + 1} 个关于社保参保的问题`);
      const res = await api('POST', `/api/questions/${q.questionId}/assignment`, staff1, { mode: 'auto' });
      expect(res.status).toBe(200);
      picks.push(res.body.assignee.staffId);
    }
    const start = onDuty.indexOf(picks[0]);
    expect(picks).toEqual(picks.map((_, i) => onDuty[(start + i) % onDuty.length]));
    // Already assigned: auto does not take it away.
    const last = (await api('GET', '/api/questions', token)).body.questions[0].questionId;
    expect((await api('POST', `/api/questions/${last}/assignment`, staff1, { mode: 'auto' })).status).toBe(409);
  });

  it('hands over to a colleague on duty only', async () => {
    const { token } = await wechatResident();
    const q = await ask(token, '结婚登记需要户口簿吗？', { type: 'item', id: 'HY-JH' });
    await api('POST', `/api/questions/${q.questionId}/assignment`, staff1, { mode: 'take' });
    const given = await api('POST', `/api/questions/${q.questionId}/assignment`, staff1, {
      mode: 'colleague',
      staffId: 'S9000002',
    });
    expect(given.body.assignee).toEqual({ staffId: 'S9000002', name: '吴强' });
    expect(ids(await inbox(staff2, 'mine'))).toContain(q.questionId);
    const unknown = await api('POST', `/api/questions/${q.questionId}/assignment`, staff2, {
      mode: 'colleague',
      staffId: 'S8999999',
    });
    expect(unknown.status).toBe(404);
  });
});

describe('bad ratings and rectification', () => {
  it('opens a case due in 15 working days; the staff answer reaches the resident', async () => {
    const resident = await wechatResident();
    feedbackClock.set(new Date('2026-09-21T03:00:00Z')); // Monday 21 September 2026, 11:00
    const q = await ask(resident.token, '社保参保登记为什么这么慢？', { type: 'item', id: 'SB-CB' });
    await api('POST', `/api/questions/${q.questionId}/replies`, staff1, { text: '已催办。' });
    await api('POST', `/api/questions/${q.questionId}/close`, staff1, {});
    const rated = await api('POST', '/api/ratings', resident.token, {
      serviceRef: { type: 'question', id: q.questionId },
      level: 'DISSATISFIED',
      indicators: BAD,
      comment: '等了很久',
    });
    expect(rated.status).toBe(201);
    // 15 working days after 21 Sept skip the 中秋 (25-27) and 国庆 (1-7 Oct) holidays; 10 Oct is a make-up day.
    expect(rated.body.rectification).toMatchObject({
      status: 'OPEN',
      levelText: '不满意',
      dueDay: '2026-10-19',
      overdue: false,
    });
    expect(rated.body.rectification.dueDay).toBe(addWorkingDays('2026-09-21', 15));
    const id = rated.body.rectification.rectificationId;

    const list = await api('GET', '/api/rectifications?status=OPEN', staff1);
    expect(list.body.rectifications.map((r: any) => r.rectificationId)).toContain(id);
    const mine = await api('GET', '/api/rectifications', resident.token);
    expect(mine.body.rectifications.map((r: any) => r.rectificationId)).toEqual([id]);

    feedbackClock.set(new Date('2026-10-20T02:00:00Z'));
    const summary = await api('GET', '/api/supervision/summary?from=2026-09-01&to=2026-10-20', supervisor);
    expect(summary.status).toBe(200);
    expect(summary.body.rectifications.overdue).toBeGreaterThanOrEqual(1);
    expect(summary.body.rectifications.openCases.find((r: any) => r.rectificationId === id)).toMatchObject({
      overdue: true,
    });
    const item = summary.body.satisfaction.byItem.find((g: any) => g.key === 'SB-CB');
    expect(item).toMatchObject({
      name: '社会保险参保登记',
      ratings: 1,
      averageScore: 2,
      badRatings: 1,
      satisfiedRate: 0,
    });
    expect(summary.body.applications).toMatchObject({ available: true, pastTimeLimit: 0, note: null });

    const answered = await api('POST', `/api/rectifications/${id}/answer`, staff1, {
      text: '已优化参保审核流程，今后 3 个工作日内办结。',
    });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ status: 'ANSWERED', answer: { staffName: '周敏' } });
    expect((await api('POST', `/api/rectifications/${id}/answer`, staff1, { text: '再次答复一下内容' })).status).toBe(
      409,
    );
    const seen = await api('GET', `/api/questions/${q.questionId}`, resident.token);
    expect(seen.body.rectification).toMatchObject({
      status: 'ANSWERED',
      answer: { text: '已优化参保审核流程，今后 3 个工作日内办结。' },
    });
    const notices = await wechatOutbox(resident.openid);
    expect(notices.filter((m) => m.page?.includes(`rectificationId=${id}`))).toHaveLength(1);
  });

  it('refuses services that are not the resident’s or not rateable yet', async () => {
    const a = await wechatResident();
    const b = await wechatResident();
    const q = await ask(a.token, '不动产登记资料怎么查询？');
    await api('POST', `/api/questions/${q.questionId}/close`, a.token, {});
    const other = await api('POST', '/api/ratings', b.token, {
      serviceRef: { type: 'question', id: q.questionId },
      level: 'SATISFIED',
      indicators: GOOD,
    });
    expect(other.status).toBe(404);
    const app = await api('POST', '/api/ratings', a.token, {
      serviceRef: { type: 'application', id: 'A123' },
      level: 'SATISFIED',
      indicators: GOOD,
    });
    expect({ status: app.status, code: app.body.error.code }).toEqual({ status: 404, code: 'SERVICE_NOT_FOUND' });
    const missing = await api('POST', '/api/ratings', a.token, {
      serviceRef: { type: 'question', id: q.questionId },
      level: 'SATISFIED',
      indicators: { overall: 5 },
    });
    expect(missing.status).toBe(400);
  });
});

describe('access matrix', () => {
  it('keeps residents to their own threads and each role to its operations', async () => {
    const a = await wechatResident();
    const b = await wechatResident();
    const q = await ask(a.token, '夫妻投靠落户要结婚几年？');
    const path = `/api/questions/${q.questionId}`;

    // resident ↔ resident: another resident's thread does not exist for them.
    for (const [method, p, body] of [
      ['GET', path, undefined],
      ['POST', `${path}/replies`, { text: '我也想问' }],
      ['POST', `${path}/close`, {}],
    ] as const) {
      const res = await api(method, p, b.token, body);
      expect([method, p, res.status, res.body.error?.code]).toEqual([method, p, 404, 'QUESTION_NOT_FOUND']);
    }
    expect(ids((await api('GET', '/api/questions', b.token)).body.questions)).not.toContain(q.questionId);

    // resident → staff and supervisor operations.
    const staffOnly: Array<[string, string, unknown?]> = [
      ['GET', '/api/inbox?filter=unassigned'],
      ['POST', `${path}/assignment`, { mode: 'take' }],
      ['POST', `${path}/reopen`, {}],
      ['GET', '/api/inbox/canned-answers'],
      ['POST', '/api/rectifications/000000000000000000000000/answer', { text: '答复内容五个字' }],
      ['GET', '/api/supervision/summary'],
    ];
    for (const [method, p, body] of staffOnly) {
      const res = await api(method, p, a.token, body);
      expect([p, res.status, res.body.error?.code]).toEqual([p, 403, 'FORBIDDEN']);
    }
    // staff → supervisor operations; staff cannot ask or rate as residents.
    for (const [method, p, body] of [
      ['GET', '/api/supervision/summary'],
      ['POST', '/api/questions', { text: '工作人员提问试试看' }],
      [
        'POST',
        '/api/ratings',
        { serviceRef: { type: 'question', id: q.questionId }, level: 'SATISFIED', indicators: GOOD },
      ],
    ] as const) {
      const res = await api(method, p, staff1, body);
      expect([p, res.status]).toEqual([p, 403]);
    }
    // supervisors read the inbox and threads but do not answer, assign or close.
    expect((await api('GET', '/api/inbox?filter=open', supervisor)).status).toBe(200);
    expect((await api('GET', path, supervisor)).status).toBe(200);
    for (const [p, body] of [
      [`${path}/replies`, { text: '督办回复' }],
      [`${path}/assignment`, { mode: 'take' }],
      [`${path}/close`, {}],
    ] as const) {
      expect((await api('POST', p, supervisor, body)).status).toBe(403);
    }
    expect((await api('GET', '/api/supervision/summary', supervisor)).status).toBe(200);
    // guides have no part in the inbox; nobody without a session has any.
    expect((await api('GET', '/api/inbox', guide)).status).toBe(403);
    expect((await api('GET', path, guide)).status).toBe(403);
    expect((await api('GET', '/api/inbox')).status).toBe(401);
    expect((await api('GET', path)).status).toBe(401);
  });
});

describe('openapi', () => {
  it('documents every operation of the feedback loop', async () => {
    const doc = (await api('GET', '/api/openapi.json')).body;
    const operations = Object.values(doc.paths).flatMap((p: any) => Object.values(p).map((o: any) => o.operationId));
    for (const id of [
      'askQuestion',
      'listMyQuestions',
      'getQuestion',
      'replyToQuestion',
      'listInbox',
      'assignQuestion',
      'closeQuestion',
      'rateService',
      'listRectifications',
      'answerRectification',
      'getSupervisionSummary',
    ])
      expect(operations).toContain(id);
  });
});
