// Household moves over HTTP against devdb and the platform sandbox: eligibility per category,
// drafts across sessions and devices, the completeness check, consented fetches and uploads,
// idempotent submission, examiner transitions on the timeline with one notice each, and who
// may see what.
import { call, httpSuite, loginBySms } from '../../testing/harness';
import { createHash } from 'node:crypto';
import { createLogger } from '../../core/logger';
import { createPiiCrypto } from '../../core/pii-crypto';
import { createMoveNoticeJob } from './routes';

const suite = httpSuite();
const person = (key: string) => suite.person(key);
const sessions = new Map<string, string>();

/** A WeChat log-in of the persona (a new device each time) raised to REAL_NAME. */
async function wechatSession(key: string): Promise<string> {
  const p = person(key);
  const code = await call(suite.platforms.sandbox.url, 'POST', '/sandbox/wechat/code', {
    body: { openid: p.wechatOpenid },
  });
  const login = await call(suite.bff.url, 'POST', '/api/auth/wechat-login', {
    body: { code: code.body.code, device: `jest ${key}` },
  });
  expect(login.status).toBe(200);
  if (login.body.user.level === 'REAL_NAME') return login.body.token;
  const verified = await call(suite.bff.url, 'POST', '/api/identity/real-name', {
    token: login.body.token,
    body: { name: p.name, idNumber: p.idNumber },
  });
  expect(verified.status).toBe(200);
  return verified.body.token;
}

async function tokenOf(key: string): Promise<string> {
  if (!sessions.has(key)) sessions.set(key, await wechatSession(key));
  return sessions.get(key)!;
}

const eligibility = async (key: string, body: Record<string, unknown>) =>
  call(suite.bff.url, 'POST', '/api/moves/eligibility', { token: await tokenOf(key), body });
const relative = (key: string) => ({ name: person(key).name, idNumber: person(key).idNumber });
const failingKeys = (body: { checks: Array<{ key: string; passed: boolean }> }) =>
  body.checks.filter((c) => !c.passed).map((c) => c.key);

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2048, 32), Buffer.from('\n%%EOF\n')]);

async function upload(token: string, applicationId: string, key: string, body: Buffer, type = 'application/pdf') {
  const res = await fetch(`${suite.bff.url}/api/moves/applications/${applicationId}/materials/${key}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    body,
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe('checkMoveEligibility', () => {
  it('passes and fails each category, naming the failing condition in Chinese', async () => {
    const property = await eligibility('co-owner-b', { category: 'PROPERTY' });
    expect(property.status).toBe(200);
    expect(property.body).toMatchObject({
      eligible: true,
      failing: null,
      itemCode: 'HJ-QR-GF',
      destination: { city: '深圳市' },
    });
    expect(property.body.titles).toHaveLength(1);
    const already = await eligibility('mortgaged-owner', { category: 'PROPERTY' });
    expect(already.body.eligible).toBe(false);
    expect(failingKeys(already.body)).toEqual(['NOT_ALREADY_THERE']);
    expect(already.body.failing).toBe('您的户口已登记在该住房地址，无需迁移');
    const none = await eligibility('graduate', { category: 'PROPERTY' });
    expect(failingKeys(none.body)).toEqual(['HOLDS_TITLE']);

    await call(suite.platforms.sandbox.url, 'POST', '/sandbox/realestate/titles/T9000002/status', {
      body: { status: 'SEALED' },
    });
    try {
      const sealed = await eligibility('co-owner-b', { category: 'PROPERTY' });
      expect(failingKeys(sealed.body)).toEqual(['TITLE_STATUS']);
      expect(sealed.body.failing).toContain('已被查封');
    } finally {
      await call(suite.platforms.sandbox.url, 'POST', '/sandbox/realestate/titles/T9000002/status', {
        body: { status: 'NORMAL' },
      });
    }

    const spouse = await eligibility('spouse-b', { category: 'SPOUSE', relative: relative('spouse-a') });
    expect(spouse.body).toMatchObject({ eligible: true, destination: { city: '成都市' } });
    const wrongName = await eligibility('spouse-b', {
      category: 'SPOUSE',
      relative: { ...relative('spouse-a'), name: '王小磊' },
    });
    expect(failingKeys(wrongName.body)).toEqual(['RELATIVE_IDENTITY']);
    const notSpouse = await eligibility('spouse-b', { category: 'SPOUSE', relative: relative('co-owner-b') });
    expect(failingKeys(notSpouse.body)).toEqual(['RELATION', 'MARRIAGE_VALID']);
    const badNumber = await eligibility('spouse-b', {
      category: 'SPOUSE',
      relative: { name: '王磊', idNumber: '12345' },
    });
    expect(badNumber.status).toBe(400);
    expect(badNumber.body.error.code).toBe('RELATIVE_ID_NUMBER_INVALID');

    const parent = await eligibility('elder', { category: 'ELDERLY_PARENT', relative: relative('mortgaged-owner') });
    expect(parent.body.eligible).toBe(true);
    // The registry has no record of this kinship: a relation proof is asked for, not refused.
    expect(parent.body.materials.find((m: { key: string }) => m.key === 'RELATION_PROOF')).toMatchObject({
      mode: 'upload',
    });
    const young = await eligibility('graduate', { category: 'ELDERLY_PARENT', relative: relative('mortgaged-owner') });
    expect(failingKeys(young.body)).toEqual(['PARENT_AGE']);
    expect(young.body.failing).toMatch(/女满 55 周岁，您现在 \d+ 周岁/);

    const adultChild = await eligibility('graduate', {
      category: 'CHILD',
      relative: { name: '张卫东', idNumber: parentOfGraduate() },
    });
    expect(failingKeys(adultChild.body)).toEqual(['NOT_SAME_HOUSEHOLD', 'CHILD_AGE']);
    expect(adultChild.body.checks.find((c: { key: string }) => c.key === 'RELATION')).toMatchObject({ passed: true });

    const talent = await eligibility('graduate', { category: 'TALENT', destinationCity: '广州市' });
    expect(talent.body).toMatchObject({ eligible: true, destination: { city: '广州市' } });
    const noCity = await eligibility('graduate', { category: 'TALENT' });
    expect(failingKeys(noCity.body)).toEqual(['DESTINATION']);
    const oldGrad = await eligibility('no-property', { category: 'TALENT', destinationCity: '广州市' });
    expect(failingKeys(oldGrad.body)).toEqual(['GRADUATION_RECENT']);

    const job = await eligibility('no-property', { category: 'EMPLOYMENT', destinationCity: '广州市' });
    expect(job.body.eligible).toBe(true);
    expect(job.body.materials.find((m: { key: string }) => m.key === 'SOCIAL_INSURANCE')).toMatchObject({
      mode: 'fetch',
      available: true,
      trustLevel: 'A',
    });
    const elsewhere = await eligibility('no-property', { category: 'EMPLOYMENT', destinationCity: '深圳市' });
    expect(elsewhere.body.failing).toBe('您的社会保险在广州市缴纳，不在深圳市');
    const noInsurance = await eligibility('graduate', { category: 'EMPLOYMENT', destinationCity: '广州市' });
    expect(failingKeys(noInsurance.body)).toEqual(['INSURANCE_MONTHS']);
  });
});

function parentOfGraduate(): string {
  // 张卫东, the graduate's father (a fixed persona household member).
  const { makeIdNumber } = jest.requireActual('../../rules/id-number') as typeof import('../../rules/id-number');
  return makeIdNumber('500106', '1975-06-30', 13);
}

describe('drafts', () => {
  it('resume on another device with optimistic versions, and block an incomplete submission with a list', async () => {
    const phone = await tokenOf('graduate');
    const tablet = await wechatSession('graduate');
    expect(tablet).not.toBe(phone);
    const created = await call(suite.bff.url, 'POST', '/api/moves/applications', {
      token: phone,
      body: { category: 'TALENT', step: 2 },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'DRAFT', version: 1, step: 2, itemCode: 'HJ-QR-RC' });
    const id = created.body.applicationId;

    const onTablet = await call(suite.bff.url, 'GET', `/api/applications/${id}`, { token: tablet });
    expect(onTablet.body).toMatchObject({ applicationId: id, version: 1, step: 2 });
    const saved = await call(suite.bff.url, 'PATCH', `/api/moves/applications/${id}`, {
      token: tablet,
      body: { version: 1, step: 3, form: { destinationCity: '广州市' } },
    });
    expect(saved.body).toMatchObject({ version: 2, step: 3, form: { destinationCity: '广州市' } });
    const stale = await call(suite.bff.url, 'PATCH', `/api/moves/applications/${id}`, {
      token: phone,
      body: { version: 1, form: { contactMobile: '13900000007' } },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });

    const blocked = await call(suite.bff.url, 'POST', `/api/moves/applications/${id}/submit`, {
      token: phone,
      body: { consent: false },
    });
    expect(blocked.status).toBe(422);
    expect(blocked.body.error.code).toBe('APPLICATION_INCOMPLETE');
    expect(blocked.body.error.missing.map((m: { key: string }) => m.key)).toEqual([
      'contactMobile',
      'promise',
      'EMPLOYMENT_AGREEMENT',
      'consent',
    ]);
    expect(blocked.body.error.message).toContain('请上传就业协议书或劳动合同');
    const list = await call(suite.bff.url, 'GET', '/api/applications', { token: tablet });
    expect(list.body.applications.map((a: { applicationId: string }) => a.applicationId)).toContain(id);
  });
});

describe('submission', () => {
  let propertyApp: string;

  it('fetches every material of a title holder with consent and asks for no upload', async () => {
    const token = await tokenOf('co-owner-b');
    const created = await call(suite.bff.url, 'POST', '/api/moves/applications', {
      token,
      body: { category: 'PROPERTY', form: { contactMobile: '13900000003', promise: true } },
    });
    propertyApp = created.body.applicationId;
    expect(created.body.materials.every((m: { mode: string }) => m.mode === 'fetch')).toBe(true);
    expect(created.body.missing).toEqual([]);
    const refused = await upload(token, propertyApp, 'PROPERTY_TITLE', PDF);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('MATERIAL_HELD_BY_SERVICE');

    const submitted = await call(suite.bff.url, 'POST', `/api/moves/applications/${propertyApp}/submit`, {
      token,
      body: { consent: true },
      headers: { 'idempotency-key': 'prop-submit-0001' },
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({
      status: 'SUBMITTED',
      crossProvince: false,
      deadline: { timeLimitDays: 10, estimated: true },
    });
    expect(submitted.body.caseId).toMatch(/^QR\d{14}$/);
    expect(
      submitted.body.materials.map((m: { key: string; available: boolean; trustLevel: string }) => [
        m.key,
        m.available,
        m.trustLevel,
      ]),
    ).toEqual([
      ['ID_CARD', true, expect.any(String)],
      ['HOUSEHOLD_RECORD', true, 'A'],
      ['PROPERTY_TITLE', true, 'A'],
    ]);
    expect(submitted.body.consent.services.sort()).toEqual(['household', 'licence', 'realestate']);
    const stored = await suite.bff.store.collection('move_applications').findOne({ _id: propertyApp } as never);
    expect(stored?.consent).toMatchObject({
      statement: expect.stringContaining('同意'),
      materials: expect.arrayContaining([{ key: 'PROPERTY_TITLE', source: 'realestate' }]),
    });
    expect(String(stored?.consent.userId)).toBe(String(stored?.userId));
  });

  it('is idempotent: concurrent and repeated submits give one case', async () => {
    const token = await tokenOf('no-property');
    const created = await call(suite.bff.url, 'POST', '/api/moves/applications', {
      token,
      body: {
        category: 'EMPLOYMENT',
        form: { destinationCity: '广州市', contactMobile: '13900000008', promise: true },
      },
    });
    const id = created.body.applicationId;
    expect(created.body.missing.map((m: { key: string }) => m.key)).toEqual(['LABOUR_CONTRACT']);

    expect((await upload(token, id, 'LABOUR_CONTRACT', Buffer.from('GIF89a....'), 'image/gif')).body.error.code).toBe(
      'UPLOAD_TYPE_NOT_ALLOWED',
    );
    expect((await upload(token, id, 'LABOUR_CONTRACT', Buffer.from('not really a pdf'))).body.error.code).toBe(
      'UPLOAD_TYPE_MISMATCH',
    );
    const huge = await upload(
      token,
      id,
      'LABOUR_CONTRACT',
      Buffer.concat([Buffer.from('%PDF'), Buffer.alloc(5 * 1024 * 1024)]),
    );
    expect([huge.status, huge.body.error.code]).toEqual([413, 'UPLOAD_TOO_LARGE']);
    const ok = await upload(token, id, 'LABOUR_CONTRACT', PDF);
    expect(ok.status).toBe(200);
    expect(ok.body.materials.find((m: { key: string }) => m.key === 'LABOUR_CONTRACT')).toMatchObject({
      available: true,
      trustLevel: 'C',
      mode: 'upload',
    });
    // The file is kept sealed with the personal-data key, never as its own bytes.
    const stored = await suite.bff.store.collection('move_uploads').findOne({ applicationId: id } as never);
    const kept = Buffer.from(stored!.data.buffer);
    expect(kept.includes(PDF.subarray(0, 16))).toBe(false);
    expect(createPiiCrypto(suite.bff.config.piiKey).openBytes(kept).equals(PDF)).toBe(true);
    expect(stored!.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));

    const submit = (key: string) =>
      call(suite.bff.url, 'POST', `/api/moves/applications/${id}/submit`, {
        token,
        body: { consent: true },
        headers: { 'idempotency-key': key },
      });
    const [a, b] = await Promise.all([submit('emp-submit-0001'), submit('emp-submit-0001')]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.caseId).toBe(b.body.caseId);
    const again = await submit('emp-submit-0002');
    expect(again.body.caseId).toBe(a.body.caseId);
    const cases = await call(suite.platforms.sandbox.url, 'GET', '/sandbox/cases');
    expect(cases.body.cases.filter((c: { externalRef: string }) => c.externalRef === id)).toHaveLength(1);
    const patched = await call(suite.bff.url, 'PATCH', `/api/moves/applications/${id}`, {
      token,
      body: { version: again.body.version, step: 2 },
    });
    expect(patched.body.error.code).toBe('APPLICATION_SUBMITTED');
  });

  it('keeps exactly the last of several uploads of one material sent at once, with its file', async () => {
    const token = await tokenOf('no-property');
    const created = await call(suite.bff.url, 'POST', '/api/moves/applications', {
      token,
      body: { category: 'EMPLOYMENT', form: { destinationCity: '广州市', contactMobile: '13900000008' } },
    });
    const id: string = created.body.applicationId;
    // Four devices (or taps) upload the same material at the same moment, each a different file.
    const files = [1, 2, 3, 4].map((n) => Buffer.concat([PDF, Buffer.from(`% copy ${n}\n`)]));
    const answers = await Promise.all(files.map((file) => upload(token, id, 'LABOUR_CONTRACT', file)));
    for (const answer of answers) expect([200, 409]).toContain(answer.status);
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThan(0);
    for (const refused of answers.filter((a) => a.status === 409))
      expect(refused.body.error.code).toBe('VERSION_CONFLICT');

    // One reference, and the one file it points to: no dangling reference, no orphaned copy.
    const doc = await suite.bff.store.collection('move_applications').findOne({ _id: id } as never);
    const refs = (doc!.uploads as { materialKey: string; uploadId: string }[]).filter(
      (u) => u.materialKey === 'LABOUR_CONTRACT',
    );
    expect(refs).toHaveLength(1);
    const stored = await suite.bff.store
      .collection('move_uploads')
      .find({ applicationId: id } as never)
      .project({ _id: 1 })
      .toArray();
    expect(stored.map((f) => f._id)).toEqual([refs[0].uploadId]);
  });

  it('deletes the files of a draft untouched for 90 days and asks for them again, keeping the form', async () => {
    const token = await tokenOf('no-property');
    const draft = async () => {
      const created = await call(suite.bff.url, 'POST', '/api/moves/applications', {
        token,
        body: { category: 'EMPLOYMENT', form: { destinationCity: '广州市', contactMobile: '13900000008' } },
      });
      const id: string = created.body.applicationId;
      expect((await upload(token, id, 'LABOUR_CONTRACT', PDF)).status).toBe(200);
      return id;
    };
    const abandoned = await draft();
    const active = await draft();
    const applications = suite.bff.store.collection('move_applications');
    const uploads = suite.bff.store.collection('move_uploads');
    // The first draft was last changed 91 days ago (files and all), the second one just now.
    const then = new Date(Date.now() - 91 * 86_400_000);
    await applications.updateOne({ _id: abandoned } as never, { $set: { updatedAt: then } });
    await uploads.updateMany({ applicationId: abandoned } as never, { $set: { createdAt: then } });
    const kept = await uploads.countDocuments({ applicationId: { $nin: [abandoned, active] } } as never);

    await createMoveNoticeJob({ ...suite.bff, logger: createLogger('warn') }).runOnce();
    expect(await uploads.countDocuments({ applicationId: abandoned } as never)).toBe(0);
    expect(await uploads.countDocuments({ applicationId: active } as never)).toBe(1);
    expect(await uploads.countDocuments({ applicationId: { $nin: [abandoned, active] } } as never)).toBe(kept);

    const back = await call(suite.bff.url, 'GET', `/api/applications/${abandoned}`, { token });
    expect(back.body).toMatchObject({
      status: 'DRAFT',
      form: { destinationCity: '广州市', contactMobile: '13900000008' },
      // The draft says why its files are gone, so the page can tell the resident.
      uploadsDeleted: { afterDays: 90 },
    });
    expect(Date.now() - Date.parse(back.body.uploadsDeleted.at)).toBeLessThan(60_000);
    const untouched = await call(suite.bff.url, 'GET', `/api/applications/${active}`, { token });
    expect(untouched.body.uploadsDeleted).toBeNull();
    const submit = await call(suite.bff.url, 'POST', `/api/moves/applications/${abandoned}/submit`, {
      token,
      body: { consent: true },
    });
    expect(submit.status).toBe(422);
    expect(submit.body.error.missing.map((m: { key: string }) => m.key)).toContain('LABOUR_CONTRACT');
    // Uploading again makes the draft whole.
    const again = await upload(token, abandoned, 'LABOUR_CONTRACT', PDF);
    expect(again.status).toBe(200);
    expect(again.body.uploadsDeleted).toBeNull();
    expect(await uploads.countDocuments({ applicationId: abandoned } as never)).toBe(1);
  });

  it('follows examiner transitions on the timeline, with the correction flow and one notice per change', async () => {
    const token = await tokenOf('graduate');
    const created = await call(suite.bff.url, 'POST', '/api/moves/applications', {
      token,
      body: { category: 'TALENT', form: { destinationCity: '广州市', contactMobile: '13900000007', promise: true } },
    });
    const id = created.body.applicationId;
    await upload(token, id, 'EMPLOYMENT_AGREEMENT', PDF);
    const submitted = await call(suite.bff.url, 'POST', `/api/moves/applications/${id}/submit`, {
      token,
      body: { consent: true },
    });
    expect(submitted.body).toMatchObject({ status: 'SUBMITTED', crossProvince: true });
    const caseId = submitted.body.caseId;
    const act = (body: unknown) =>
      call(suite.platforms.sandbox.url, 'POST', `/sandbox/cases/${caseId}/transition`, { body });
    const logger = createLogger('warn');
    const jobs = [createMoveNoticeJob({ ...suite.bff, logger }), createMoveNoticeJob({ ...suite.bff, logger })];
    const runBoth = () => Promise.all(jobs.map((j) => j.runOnce()));

    expect((await act({ action: 'accept' })).status).toBe(200);
    await runBoth();
    const accepted = await call(suite.bff.url, 'GET', `/api/applications/${id}`, { token });
    expect(accepted.body).toMatchObject({
      status: 'ACCEPTED',
      deadline: { timeLimitDays: 5, estimated: false, overdue: false },
    });
    expect(accepted.body.deadline.remainingWorkingDays).toBe(5);
    expect(accepted.body.timeline.map((e: { title: string }) => e.title)).toEqual([
      '已提交，等待受理',
      '已受理',
      '已向迁出地请求电子迁移证',
    ]);

    await act({
      action: 'request-correction',
      items: [{ materialKey: 'EMPLOYMENT_AGREEMENT', reason: '就业协议缺少单位盖章页，请重新上传' }],
    });
    await runBoth();
    const needs = await call(suite.bff.url, 'GET', `/api/applications/${id}`, { token });
    expect(needs.body).toMatchObject({
      status: 'NEEDS_CORRECTION',
      deadline: { paused: true },
      corrections: [
        {
          materialKey: 'EMPLOYMENT_AGREEMENT',
          materialName: '就业协议书或劳动合同',
          reason: '就业协议缺少单位盖章页，请重新上传',
        },
      ],
    });
    const notYet = await call(suite.bff.url, 'POST', `/api/moves/applications/${id}/submit`, {
      token,
      body: { consent: true },
      headers: { 'idempotency-key': 'fix-0000001' },
    });
    expect(notYet.body.error.missing).toEqual([
      { key: 'EMPLOYMENT_AGREEMENT', message: '请重新上传就业协议书或劳动合同' },
    ]);
    expect((await upload(token, id, 'EMPLOYMENT_AGREEMENT', PDF)).status).toBe(200);
    const fixed = await call(suite.bff.url, 'POST', `/api/moves/applications/${id}/submit`, {
      token,
      body: { consent: true },
      headers: { 'idempotency-key': 'fix-0000002' },
    });
    expect(fixed.body).toMatchObject({ status: 'UNDER_REVIEW', corrections: [] });
    const twice = await call(suite.bff.url, 'POST', `/api/moves/applications/${id}/submit`, {
      token,
      body: { consent: true },
      headers: { 'idempotency-key': 'fix-0000002' },
    });
    expect(twice.body.status).toBe('UNDER_REVIEW');

    await act({ action: 'approve' });
    await act({ action: 'complete' });
    await runBoth();
    await runBoth();
    const done = await call(suite.bff.url, 'GET', `/api/applications/${id}`, { token });
    expect(done.body.status).toBe('COMPLETED');
    expect(done.body.timeline.map((e: { status: string }) => e.status)).toEqual([
      'SUBMITTED',
      'ACCEPTED',
      'ACCEPTED',
      'NEEDS_CORRECTION',
      'UNDER_REVIEW',
      'UNDER_REVIEW',
      'APPROVED',
      'APPROVED',
      'COMPLETED',
    ]);
    expect(done.body.timeline.some((e: { title: string }) => e.title === '已收到迁出地电子迁移证')).toBe(true);

    // The uploaded files stay 30 days after the case ends, then only their record stays.
    const uploads = suite.bff.store.collection('move_uploads');
    const others = await uploads.countDocuments({ applicationId: { $ne: id } } as never);
    expect(others).toBeGreaterThan(0);
    expect(await uploads.countDocuments({ applicationId: id } as never)).toBe(1);
    const day = 86_400_000;
    await jobs[0].runOnce(new Date(Date.now() + 29 * day));
    expect(await uploads.countDocuments({ applicationId: id } as never)).toBe(1);
    await Promise.all(jobs.map((j) => j.runOnce(new Date(Date.now() + 31 * day))));
    expect(await uploads.countDocuments({ applicationId: id } as never)).toBe(0);
    expect(await uploads.countDocuments({ applicationId: { $ne: id } } as never)).toBe(others);
    const purged = await call(suite.bff.url, 'GET', `/api/applications/${id}`, { token });
    expect(purged.body.status).toBe('COMPLETED');

    // One WeChat message per status change (6 of them), however many runners ran.
    const outbox = await call(
      suite.platforms.sandbox.url,
      'GET',
      `/sandbox/wechat/outbox?openid=${person('graduate').wechatOpenid}`,
    );
    const mine = outbox.body.messages.filter(
      (m: { data?: { character_string2?: { value: string } } }) => m.data?.character_string2?.value === caseId,
    );
    expect(mine.map((m: { data: { phrase3: { value: string } } }) => m.data.phrase3.value).reverse()).toEqual([
      '已提交',
      '已受理',
      '待补正',
      '审核中',
      '已通过',
      '已办结',
    ]);
    const notices = await suite.bff.store
      .collection('move_notices')
      .find({ caseId } as never)
      .toArray();
    expect(notices.map((n) => n.status)).toEqual(Array(6).fill('SENT'));
  });

  it('keeps each application to its owner (access matrix)', async () => {
    const owner = await tokenOf('co-owner-b');
    const other = await tokenOf('spouse-b');
    const mine = await call(suite.bff.url, 'POST', '/api/moves/applications', {
      token: owner,
      body: { category: 'PROPERTY' },
    });
    const id = mine.body.applicationId;
    const attempts = [
      call(suite.bff.url, 'GET', `/api/applications/${id}`, { token: other }),
      call(suite.bff.url, 'PATCH', `/api/moves/applications/${id}`, { token: other, body: { version: 1, step: 2 } }),
      call(suite.bff.url, 'POST', `/api/moves/applications/${id}/submit`, { token: other, body: { consent: true } }),
      upload(other, id, 'ID_CARD', PDF),
      call(suite.bff.url, 'GET', `/api/applications/${propertyAppOf()}`, { token: other }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('APPLICATION_NOT_FOUND');
    }
    const othersList = await call(suite.bff.url, 'GET', '/api/applications', { token: other });
    expect(othersList.body.applications.map((a: { applicationId: string }) => a.applicationId)).not.toContain(id);

    const anonymous = await call(suite.bff.url, 'GET', `/api/applications/${id}`);
    expect(anonymous.status).toBe(401);
    const { token: loggedIn } = await loginBySms(suite.bff, suite.platforms.sandbox.url);
    for (const [method, path, body] of [
      ['POST', '/api/moves/eligibility', { category: 'TALENT' }],
      ['POST', '/api/moves/applications', { category: 'TALENT' }],
      ['GET', '/api/applications', undefined],
      ['GET', `/api/applications/${id}`, undefined],
    ] as const) {
      const res = await call(suite.bff.url, method, path, { token: loggedIn, body });
      expect([path, res.status, res.body.error.code]).toEqual([path, 403, 'LEVEL_REQUIRED']);
    }
    const guide = await call(suite.bff.url, 'GET', `/api/service-items?q=${encodeURIComponent('购房')}`);
    expect(guide.body.items.map((i: { code: string }) => i.code)).toContain('HJ-QR-GF');
  });

  const propertyAppOf = () => propertyApp;
});

describe('catalogue', () => {
  it('lists with Chinese keywords and gives a guide with the holder of each material', async () => {
    const found = await call(suite.bff.url, 'GET', `/api/service-items?q=${encodeURIComponent('毕业生')}`);
    expect(found.body.items.map((i: { code: string }) => i.code)).toEqual(['HJ-QR-RC']);
    const guide = await call(suite.bff.url, 'GET', '/api/service-items/HJ-QR-RC');
    expect(guide.body).toMatchObject({ code: 'HJ-QR-RC', timeLimitDays: 5, visitsNeeded: 0, fee: '不收费' });
    expect(guide.body.materials.map((m: { sourceName: string }) => m.sourceName)).toEqual([
      '电子证照库',
      '户籍系统',
      '电子证照库',
      '本人上传',
    ]);
    expect((await call(suite.bff.url, 'GET', '/api/service-items/XX-YY')).body.error.code).toBe('ITEM_NOT_FOUND');
    const doc = await call(suite.bff.url, 'GET', '/api/openapi.json');
    const ops = JSON.stringify(doc.body);
    for (const op of [
      'listServiceItems',
      'getServiceItem',
      'checkMoveEligibility',
      'createMoveApplication',
      'updateMoveApplication',
      'submitMoveApplication',
      'listMyApplications',
      'getApplication',
    ]) {
      expect(ops).toContain(`"operationId":"${op}"`);
    }
    expect(
      doc.body.paths['/api/moves/applications/{applicationId}/materials/{materialKey}'].put.requestBody.content[
        'application/pdf'
      ],
    ).toBeDefined();
  });
});
