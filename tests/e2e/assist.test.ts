// Issue 10 acceptance in the browser, with two phones: a community guide asks the older demo
// person (elder mode on her phone) for a 代办 authorisation, she grants it with the code, the
// guide books a hall appointment on her behalf, and she sees it in 代办记录, reads the 委托书 and
// revokes the grant; the guide can then no longer act. Screenshots at every step.
import type { Page } from 'playwright-core';
import { newPhoneContext, screenshot } from '../support/browser';
import { browserSuite, isElder, logInBySms, setElderMode, verifyRealName } from '../support/flows';
import { persona } from '../support/sandbox';
import { json } from '../support/stack';

const suite = browserSuite();
const HALL = '越秀区政务服务中心';
const ITEM = '不动产登记资料查询';

async function guideMobile(key: string): Promise<{ mobile: string; name: string }> {
  const { body } = await json<{ guides: Array<{ key: string; mobile: string; name: string }> }>(
    `${suite.stack.sandboxUrl}/sandbox/personas`,
  );
  const found = body.guides.find((g) => g.key === key);
  if (!found) throw new Error(`no guide ${key}`);
  return found;
}

/** Confirms the H5 dialog opened by Taro.showModal (its confirm button repeats the action's name). */
async function confirmDialog(page: Page, text: string): Promise<void> {
  await page
    .locator('.taro-modal__foot, .taro__modal, [class*="modal"]')
    .getByText(text, { exact: true })
    .last()
    .click();
}

test('a guide asks, the elder grants in elder mode, the guide books for her, she sees it and revokes', async () => {
  const { stack, browser } = suite;
  const elder = await persona(stack, 'elder');
  const guide = await guideMobile('guide-2');

  // The guide's phone.
  const guideContext = await newPhoneContext(browser, stack.url);
  const guidePage = await guideContext.newPage();
  await logInBySms(guidePage, stack, guide.mobile);
  await guidePage.goto('/#/packages/guide/pages/index');
  await guidePage.getByRole('button', { name: '发起授权请求', exact: true }).click({ timeout: 30_000 });
  await guidePage.getByRole('checkbox', { name: ITEM, exact: true }).click({ timeout: 30_000 });
  await guidePage.getByRole('radio', { name: '代办：帮办员代您办理', exact: true }).click();
  await guidePage.getByRole('radio', { name: '2 小时', exact: true }).click();
  await screenshot(guidePage, 'assist-1-guide-request');
  await guidePage.getByRole('button', { name: '生成授权码', exact: true }).click();
  const codeText = guidePage.locator('.guide-qr__code');
  await codeText.waitFor({ timeout: 30_000 });
  const code = (await codeText.innerText()).replace(/\s/g, '');
  expect(code).toMatch(/^\d{8}$/);
  const qr = guidePage.locator('.guide-qr__image img');
  await qr.waitFor({ timeout: 30_000 });
  expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,PHN2Zy/);
  // The image really draws: a QR code of a few hundred pixels, not an empty picture.
  await guidePage.waitForFunction(
    () => ((document.querySelector('.guide-qr__image img') as HTMLImageElement | null)?.naturalWidth ?? 0) > 0,
  );
  await guidePage.locator('.guide-qr').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshot(guidePage, 'assist-2-guide-code');

  // The elder's phone, in elder mode.
  const elderContext = await newPhoneContext(browser, stack.url);
  const elderPage = await elderContext.newPage();
  await logInBySms(elderPage, stack, elder.mobile);
  await verifyRealName(elderPage, elder);
  await setElderMode(elderPage, true);
  await elderPage.goto('/#/pages/mine/index');
  await elderPage.getByRole('button', { name: '帮办代办授权与代办记录', exact: true }).click({ timeout: 30_000 });
  await elderPage.getByRole('textbox', { name: '授权码（8 位数字）', exact: true }).fill(code);
  expect(await isElder(elderPage)).toBe(true);
  await elderPage.getByRole('button', { name: '查看授权内容', exact: true }).click();
  const preview = elderPage.getByRole('region', { name: '请确认授权内容' });
  await preview.waitFor({ timeout: 30_000 });
  await preview.getByText(`${guide.name}（S9000012）`).waitFor();
  await preview.getByText(ITEM).waitFor();
  await screenshot(elderPage, 'assist-3-elder-preview');
  await elderPage.getByRole('button', { name: '同意授权', exact: true }).click();
  await elderPage.getByText(/授权成功/).waitFor({ timeout: 30_000 });
  await screenshot(elderPage, 'assist-4-elder-granted');

  // The guide's screen learns of the consent and acts for her.
  await guidePage.getByText('居民已确认授权', { exact: true }).waitFor({ timeout: 30_000 });
  await guidePage.getByRole('button', { name: '开始代办', exact: true }).click();
  const masked = elder.name.slice(0, 2) + '*'.repeat(elder.name.length - 2); // 欧阳 is a compound surname
  await guidePage.getByText(`正在为 ${masked} 代办`, { exact: true }).waitFor({ timeout: 30_000 });
  await guidePage.getByRole('radio', { name: HALL, exact: true }).click({ timeout: 30_000 });
  await guidePage.getByRole('radio', { name: ITEM, exact: true }).click();
  const slot = guidePage.getByRole('button', { name: /剩余 \d+ 个名额/ }).first();
  await slot.waitFor({ timeout: 30_000 });
  await slot.click();
  await screenshot(guidePage, 'assist-5-guide-slot');
  await guidePage.getByRole('button', { name: '确认代为预约', exact: true }).click();
  await guidePage.getByText(`已为 ${masked} 预约成功`, { exact: true }).waitFor({ timeout: 30_000 });
  await screenshot(guidePage, 'assist-6-guide-booked');

  // She sees what was done on her behalf, and by whom.
  await elderPage.reload();
  const grant = elderPage.getByRole('group', { name: `${guide.name} 生效中` });
  await grant.waitFor({ timeout: 30_000 });
  await grant.getByText(new RegExp(`${guide.name}（S9000012） 预约办事：已办理`)).waitFor();
  await grant.getByRole('list', { name: '代办记录' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshot(elderPage, 'assist-7-elder-record');

  // Her appointment is hers: it is in 我的预约.
  await elderPage.goto('/#/pages/appointments/mine/index');
  await elderPage.getByRole('group', { name: `${ITEM} 已预约` }).waitFor({ timeout: 30_000 });

  // The 委托书.
  await elderPage.goto('/#/pages/assist/index');
  await elderPage.getByRole('button', { name: '查看委托书', exact: true }).click({ timeout: 30_000 });
  const letter = elderPage.getByRole('document', { name: '委托书' });
  await letter.waitFor({ timeout: 30_000 });
  await letter.getByText(/免费代办/).waitFor();
  await screenshot(elderPage, 'assist-8-elder-letter');

  // She revokes at once.
  await elderPage.goto('/#/pages/assist/index');
  await elderPage.getByRole('button', { name: '撤销授权', exact: true }).click({ timeout: 30_000 });
  await confirmDialog(elderPage, '撤销授权');
  await elderPage.getByText('授权已撤销', { exact: true }).waitFor({ timeout: 30_000 });
  await elderPage.getByRole('group', { name: `${guide.name} 已撤销` }).waitFor();
  await screenshot(elderPage, 'assist-9-elder-revoked');

  // The guide can no longer act under it.
  await guidePage.reload();
  await guidePage.getByText('该授权已结束，不能再代办。', { exact: true }).waitFor({ timeout: 30_000 });
  await screenshot(guidePage, 'assist-10-guide-ended');

  await guideContext.close();
  await elderContext.close();
});
