// Issue 9 acceptance in the browser, two people at once: a resident asks (FAQ suggestions appear
// first), a member of staff answers with a canned reply and closes, the resident rates 不满意, the
// rectification appears for staff, and its answer reaches the resident; resident side also in
// elder mode. Screenshots of both sides.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newPhoneContext, screenshot } from '../support/browser';
import { logInBySms } from '../support/flows';
import { startTestStack, type Stack } from '../support/stack';

let stack: Stack;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  stack = await startTestStack();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await stack?.stop();
});

const logIn = (page: Page, mobile: string) => logInBySms(page, stack, mobile);

async function phone(): Promise<Page> {
  const context = await newPhoneContext(browser, stack.url);
  contexts.push(context);
  return context.newPage();
}

test('a question answered with a canned reply, rated 不满意, rectified, seen by the resident', async () => {
  const resident = await phone();
  const staff = await phone();
  const mobile = `1990000${String(Date.now()).slice(-4)}`;
  const question = '我在天河区买了房子，户口可以迁过来吗？需要什么材料？';

  await logIn(resident, mobile);
  await resident.goto('/#/pages/ask/index');
  // Suggestions follow what is typed (after a short pause); type again if the page was still settling.
  const suggestions = resident.getByRole('region', { name: '这些常见问题也许能直接解答：' });
  for (let attempt = 0; attempt < 3 && !(await suggestions.isVisible()); attempt++) {
    await resident.getByRole('textbox', { name: '您的问题', exact: true }).fill('');
    await resident.getByRole('textbox', { name: '您的问题', exact: true }).fill(question);
    await suggestions.waitFor({ timeout: 10_000 }).catch(() => undefined);
  }
  await suggestions.waitFor({ timeout: 1_000 });
  await expect(resident.getByText('买了房子可以把户口迁过来吗？', { exact: false }).first().isVisible()).resolves.toBe(
    true,
  );
  await screenshot(resident, 'questions-resident-1-faq');
  await resident.getByRole('button', { name: '提交问题', exact: true }).click();
  await resident.getByText('工作人员将在', { exact: false }).waitFor({ timeout: 15_000 });
  await screenshot(resident, 'questions-resident-2-asked');

  await logIn(staff, '13900000101');
  await staff.goto('/#/packages/staff/pages/index');
  // The desk's title names the desk; its first tab names what is in it.
  await staff.getByRole('tab', { name: '群众咨询', exact: true }).waitFor({ timeout: 30_000 });
  expect(await staff.getByText('工作人员工作台', { exact: true }).count()).toBeGreaterThan(0);
  const title = question.slice(0, 30);
  await staff.getByRole('listitem').filter({ hasText: title }).waitFor({ timeout: 30_000 });
  await screenshot(staff, 'questions-staff-0-inbox');
  await staff
    .getByRole('listitem')
    .filter({ hasText: title })
    .getByRole('button', { name: `查看 ${title}`, exact: true })
    .click();
  await staff.getByRole('button', { name: '认领', exact: true }).click();
  await staff.getByRole('button', { name: '发送常用回复：材料说明', exact: true }).click();
  await staff.getByText('所需材料以办事指南为准', { exact: false }).first().waitFor();
  await staff.getByRole('textbox', { name: '回复内容', exact: true }).fill('内部：已电话联系');
  await staff.getByRole('button', { name: '写内部备注（居民看不到）', exact: true }).click();
  await staff.getByText('内部备注', { exact: false }).first().waitFor();
  await screenshot(staff, 'questions-staff-1-answered');
  await staff.getByRole('button', { name: '结束咨询', exact: true }).click();
  await staff.getByRole('button', { name: '重新打开', exact: true }).waitFor();

  // The resident: the answer, not the note; rates 不满意.
  await resident.reload();
  await resident
    .getByRole('listitem')
    .filter({ hasText: title })
    .getByRole('button', { name: `查看 ${title}`, exact: true })
    .click();
  await resident.getByText('所需材料以办事指南为准', { exact: false }).first().waitFor({ timeout: 15_000 });
  expect(await resident.content()).not.toContain('已电话联系');
  await resident.getByRole('radio', { name: '不满意', exact: true }).click();
  await resident.getByRole('textbox', { name: '评价内容（选填）', exact: true }).fill('材料说得不够具体');
  await screenshot(resident, 'questions-resident-3-rating');
  await resident.getByRole('button', { name: '提交评价', exact: true }).click();
  await resident.getByText('您的意见已转为整改事项', { exact: false }).waitFor({ timeout: 15_000 });
  await screenshot(resident, 'questions-resident-4-rectification-open');

  // Staff: the rectification appears and is answered.
  await staff.reload();
  await staff.getByRole('tab', { name: '整改事项', exact: true }).click();
  const answer = '已补充购房落户材料清单，并电话向您说明。';
  const caseCard = staff.getByRole('listitem', { name: `咨询：${title}` });
  await caseCard.waitFor({ timeout: 15_000 });
  await caseCard.getByRole('textbox', { name: '整改答复', exact: true }).fill(answer);
  await caseCard.getByRole('button', { name: '提交整改答复', exact: true }).click();
  await staff.getByText(`整改答复：${answer}`).waitFor({ timeout: 15_000 });
  await screenshot(staff, 'questions-staff-2-rectification');

  // The resident sees the answer, in elder mode too.
  await resident.goto('/');
  const toggle = resident.getByRole('switch', { name: '长辈版', exact: true });
  await toggle.waitFor({ timeout: 30_000 });
  await toggle.click();
  await resident.waitForFunction(() => document.querySelector('.theme-elder') !== null);
  await resident.goto('/#/pages/ask/index');
  await resident
    .getByRole('listitem')
    .filter({ hasText: title })
    .getByRole('button', { name: `查看 ${title}`, exact: true })
    .click();
  await resident.getByText(answer).waitFor({ timeout: 15_000 });
  await expect(resident.getByText('您已评价：不满意').isVisible()).resolves.toBe(true);
  await screenshot(resident, 'questions-resident-5-elder-answer');
});
