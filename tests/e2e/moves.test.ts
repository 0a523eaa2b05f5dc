// Issue 8 acceptance in the browser: a graduate and a property buyer each apply for a household
// move start to finish, uploading nothing that a department holds (the graduate uploads only the
// employment agreement, which no service holds); the examiner (sandbox admin call) asks the
// graduate for a correction and then approves; the resident sees each step in 办事进度, in normal
// and elder mode. Screenshots at every step (test-output/screenshots/moves-*.png). A draft left
// untouched for 90 days loses its files to the retention job and says so when it is opened again.
import { MongoClient } from 'mongodb';
import type { Page } from 'playwright-core';
import { screenshot } from '../support/browser';
import { browserSuite, seriousA11yViolations, setElderMode, verifiedResident } from '../support/flows';
import { json } from '../support/stack';

const suite = browserSuite();

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(4096, 32), Buffer.from('\n%%EOF\n')]);

function bodyText(page: Page): Promise<string> {
  return page.locator('.bm-page__body:visible').last().innerText();
}

async function examiner(caseId: string, body: Record<string, unknown>): Promise<void> {
  const res = await json(`${suite.stack.sandboxUrl}/sandbox/cases/${caseId}/transition`, {
    method: 'POST',
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
}

async function chooseCategory(page: Page, category: RegExp): Promise<void> {
  await page.goto('/#/pages/move/index');
  await page.getByRole('radio', { name: category }).click({ timeout: 30_000 });
}

/** Steps 2-4 of the form, with uploads only where the materials step asks for them. */
async function fillAndSubmit(page: Page, who: { mobile: string }, prefix: string, uploads: string[]): Promise<string> {
  await page.getByRole('button', { name: '开始申请', exact: true }).click();
  await page.getByText('第 2 步，共 4 步：填写信息').waitFor({ timeout: 20_000 });
  await page.getByRole('textbox', { name: '联系电话', exact: true }).fill(who.mobile);
  await page.getByRole('checkbox', { name: /本人承诺所填信息真实/ }).click();
  await page.getByText('已保存草稿').waitFor({ timeout: 10_000 });
  await screenshot(page, `${prefix}-2-form`);
  await page.getByRole('button', { name: '下一步', exact: true }).click();

  await page.getByText('第 3 步，共 4 步：核对材料').waitFor();
  await page.getByText('✓ 已为您自动获取').first().waitFor({ timeout: 20_000 });
  const inputs = page.locator('input[type=file]:visible, .mv-upload__input');
  const labels = await inputs.evaluateAll((els) =>
    els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.getAttribute('aria-label')),
  );
  expect(labels).toEqual(uploads.map((name) => `上传${name}`));
  for (const name of uploads) {
    await page
      .getByLabel(`上传${name}`, { exact: true })
      .setInputFiles({ name: 'agreement.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByText(`已上传：${name}.pdf`).waitFor({ timeout: 20_000 });
  }
  if (uploads.length === 0) await page.getByText('您无需上传任何材料').waitFor();
  await screenshot(page, `${prefix}-3-materials`);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.getByRole('button', { name: '下一步', exact: true }).click();

  await page.getByText('第 4 步，共 4 步：确认提交').waitFor();
  // Without consent the submission is refused with what is missing, and nothing is lost.
  await page.getByRole('button', { name: '提交申请', exact: true }).click();
  await page.getByText('请同意由相关部门为您提供材料').waitFor({ timeout: 20_000 });
  await page.getByRole('checkbox', { name: /同意由户籍/ }).click();
  await screenshot(page, `${prefix}-4-review`);
  await page.getByRole('button', { name: '提交申请', exact: true }).click();
  await page.getByText('✓ 申请已提交').waitFor({ timeout: 30_000 });
  const text = await bodyText(page);
  const caseId = /QR\d{14}/.exec(text)?.[0];
  expect(caseId).toBeDefined();
  expect(text).toMatch(/\d+ 个工作日/);
  expect(text).toContain('办事进度');
  await screenshot(page, `${prefix}-5-submitted`);
  return caseId!;
}

async function openProgress(page: Page, itemName: string, status: string): Promise<void> {
  await page.goto('/#/pages/progress/index');
  const card = page.getByRole('listitem', { name: new RegExp(`${itemName}，${status}`) });
  await card.waitFor({ timeout: 30_000 });
  await card.click();
  await page.getByRole('heading', { name: '办理进度' }).waitFor({ timeout: 20_000 });
}

test('a graduate applies, is asked for a correction, corrects and is approved', async () => {
  const { who, context, page } = await verifiedResident(suite, 'graduate');

  await chooseCategory(page, /^人才\/毕业生落户/);
  await page.getByRole('radio', { name: '广州市', exact: true }).click();
  await page.getByRole('button', { name: '查看是否符合条件', exact: true }).click();
  await page.getByText('✓ 符合办理条件').waitFor({ timeout: 30_000 });
  expect(await bodyText(page)).toContain('毕业不满 5 年');
  await screenshot(page, 'moves-graduate-1-eligible');

  const caseId = await fillAndSubmit(page, who, 'moves-graduate', ['就业协议书或劳动合同']);

  await examiner(caseId, { action: 'accept' });
  await openProgress(page, '人才（毕业生）落户', '已受理');
  const accepted = await bodyText(page);
  expect(accepted).toContain('已向迁出地请求电子迁移证');
  expect(accepted).toMatch(/截止 \d{4}-\d{2}-\d{2}，还剩 \d+ 个工作日/);
  await screenshot(page, 'moves-graduate-6-accepted');

  await examiner(caseId, {
    action: 'request-correction',
    items: [{ materialKey: 'EMPLOYMENT_AGREEMENT', reason: '就业协议缺少单位盖章页，请重新上传' }],
  });
  await openProgress(page, '人才（毕业生）落户', '需要补正');
  await page.getByText('就业协议缺少单位盖章页，请重新上传').first().waitFor();
  expect(await bodyText(page)).toContain('补正期间暂停计时');
  await screenshot(page, 'moves-graduate-7-correction');
  await page
    .getByLabel('重新上传就业协议书或劳动合同', { exact: true })
    .setInputFiles({ name: 'agreement-stamped.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.waitForTimeout(500);
  await page.getByRole('button', { name: '提交补正', exact: true }).click();
  await page.getByText('补正材料已提交，等待审核').waitFor({ timeout: 20_000 });
  await screenshot(page, 'moves-graduate-8-corrected');

  await examiner(caseId, { action: 'approve' });
  await page.getByRole('button', { name: '刷新进度', exact: true }).click();
  await page.getByText('已收到迁出地电子迁移证').waitFor({ timeout: 20_000 });
  expect(await bodyText(page)).toContain('审核通过');
  await screenshot(page, 'moves-graduate-9-approved');
  expect(await seriousA11yViolations(page)).toEqual([]);

  await setElderMode(page, true);
  await openProgress(page, '人才（毕业生）落户', '审核通过');
  await screenshot(page, 'moves-graduate-10-elder-detail');
  await page.goto('/#/pages/progress/index');
  await page.getByRole('listitem').first().waitFor();
  await screenshot(page, 'moves-graduate-11-elder-list');
  await setElderMode(page, false);
  await context.close();
});

test('a property buyer applies with every material fetched and nothing to upload', async () => {
  const { who, context, page } = await verifiedResident(suite, 'co-owner-b');

  await chooseCategory(page, /^购房落户/);
  await page.getByRole('button', { name: '查看是否符合条件', exact: true }).click();
  await page.getByText('✓ 符合办理条件').waitFor({ timeout: 30_000 });
  expect(await bodyText(page)).toContain('科技园路16号');
  await screenshot(page, 'moves-buyer-1-eligible');

  const caseId = await fillAndSubmit(page, who, 'moves-buyer', []);
  await examiner(caseId, { action: 'accept' });
  await examiner(caseId, { action: 'approve' });
  await openProgress(page, '购房落户', '审核通过');
  const detail = await bodyText(page);
  expect(detail).toContain('不动产权证书');
  expect(detail).toContain('A 级（部门签发，带电子印章）');
  expect(detail).not.toContain('已收到迁出地电子迁移证'); // a move within one city needs no certificate exchange
  await screenshot(page, 'moves-buyer-6-approved');

  await examiner(caseId, { action: 'complete' });
  await page.getByRole('button', { name: '刷新进度', exact: true }).click();
  await page.getByText('已办结').first().waitFor({ timeout: 20_000 });
  await screenshot(page, 'moves-buyer-7-completed');

  // The guide of the same item, normal and elder mode.
  await page.goto('/#/pages/guide-items/index');
  await page.getByRole('textbox', { name: '搜索事项', exact: true }).fill('购房');
  await page.getByRole('button', { name: '搜索', exact: true }).click();
  await page.getByRole('listitem', { name: /^购房落户/ }).click({ timeout: 20_000 });
  await page.getByRole('heading', { name: '申请材料' }).waitFor({ timeout: 20_000 });
  expect(await bodyText(page)).toContain('由不动产登记提供');
  await screenshot(page, 'moves-guide-detail');
  await setElderMode(page, true);
  await page.goto('/#/pages/move/index');
  await page.getByRole('radio', { name: /^购房落户/ }).waitFor({ timeout: 20_000 });
  await screenshot(page, 'moves-elder-chooser');
  await setElderMode(page, false);
  await context.close();
});

test('a draft untouched for 90 days has lost its files and says why when opened again', async () => {
  const { stack } = suite;
  const { who, context, page } = await verifiedResident(suite, 'no-property');
  // The draft is made with the browser's own session, as the app would have made it months ago.
  const token = await page.evaluate(
    () => JSON.parse(localStorage.getItem('bianmin.session.token') ?? '{}').data as string,
  );
  const api = (method: string, path: string, body?: unknown, type = 'application/json') =>
    fetch(`${stack.apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': type },
      body:
        body === undefined
          ? undefined
          : type === 'application/json'
            ? JSON.stringify(body)
            : new Uint8Array(body as Buffer),
    }).then(async (res) => ({ status: res.status, body: (await res.json()) as any }));
  const created = await api('POST', '/moves/applications', {
    category: 'EMPLOYMENT',
    form: { destinationCity: '广州市', contactMobile: who.mobile },
  });
  expect(created.status).toBe(201);
  const id: string = created.body.applicationId;
  expect((await api('PUT', `/moves/applications/${id}/materials/LABOUR_CONTRACT`, PDF, 'application/pdf')).status).toBe(
    200,
  );

  // Back-dated 91 days, the draft's files are deleted by the BFF's own retention job (every 15 s).
  const client = await MongoClient.connect(stack.mongodbUri);
  try {
    const then = new Date(Date.now() - 91 * 86_400_000);
    await client
      .db()
      .collection('move_applications')
      .updateOne({ _id: id } as never, { $set: { updatedAt: then } });
    await client
      .db()
      .collection('move_uploads')
      .updateMany({ applicationId: id } as never, { $set: { createdAt: then } });
  } finally {
    await client.close();
  }
  const deadline = Date.now() + 45_000;
  let draft = await api('GET', `/applications/${id}`);
  while (!draft.body.uploadsDeleted && Date.now() < deadline) {
    await page.waitForTimeout(1000);
    draft = await api('GET', `/applications/${id}`);
  }
  expect(draft.body.uploadsDeleted).toEqual({ at: expect.any(String), afterDays: 90 });

  await page.goto(`/#/pages/move/index?applicationId=${id}`);
  const notice = page.getByRole('status').filter({ hasText: '超过 90 天未更新' });
  await notice.waitFor({ timeout: 20_000 });
  expect(await notice.innerText()).toMatch(/之前上传的材料已于 \d{4}年\d{1,2}月\d{1,2}日删除/);
  await screenshot(page, 'moves-abandoned-1-notice');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await setElderMode(page, true);
  await page.goto(`/#/pages/move/index?applicationId=${id}`);
  await notice.waitFor({ timeout: 20_000 });
  await screenshot(page, 'moves-abandoned-2-notice-elder');
  await setElderMode(page, false);

  // Uploading again makes the draft whole, and the notice goes.
  const again = await api('PUT', `/moves/applications/${id}/materials/LABOUR_CONTRACT`, PDF, 'application/pdf');
  expect(again.status).toBe(200);
  expect(again.body.uploadsDeleted).toBeNull();
  await page.goto('/#/pages/home/index');
  await page.goto(`/#/pages/move/index?applicationId=${id}`);
  // A restored draft opens at its form (step 2) in the same render that would show the notice.
  await page.getByText('第 2 步，共 4 步：填写信息').waitFor({ timeout: 20_000 });
  expect(await notice.count()).toBe(0);
  await context.close();
});
