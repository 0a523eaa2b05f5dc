// Issue 6 acceptance in the browser: the owner of a mortgaged flat logs in with an SMS code,
// verifies their identity, lists certificates (抵押 badge), opens the flat's detail (masked),
// passes a face check on the sandbox face page and shows a code; a second person, in another
// browser context, verifies it by PIN. Normal and elder mode screenshots; axe on the pages.
import type { BrowserContext, Page } from 'playwright-core';
import { newPhoneContext, screenshot } from '../support/browser';
import { browserSuite, logInBySms, seriousA11yViolations, setElderMode, verifyRealName } from '../support/flows';
import { json, type Stack } from '../support/stack';

interface Persona {
  key: string;
  name: string;
  idNumber: string;
  mobile: string;
}

const suite = browserSuite();
let stack: Stack;
let people: Persona[];
const persona = (key: string) => people.find((p) => p.key === key)!;

beforeAll(async () => {
  stack = suite.stack;
  people = (await json<{ residents: Persona[] }>(`${stack.sandboxUrl}/sandbox/personas`)).body.residents;
});

const route = (path: string) => `/#${path}`;

/** The text of the page in view (Taro H5 keeps earlier pages in the document, hidden). */
function bodyText(page: Page): Promise<string> {
  return page.locator('.bm-page__body:visible').last().innerText();
}

/** Waits until the page in view has finished sliding in (Taro H5 animates page changes). */
async function settled(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () => {
        const bodies = Array.from(document.querySelectorAll('.bm-page__body')).filter(
          (el) => (el as HTMLElement).offsetParent !== null,
        );
        const last = bodies[bodies.length - 1];
        return !!last && Math.abs(last.getBoundingClientRect().left - 16) < 8;
      },
      undefined,
      { timeout: 10_000 },
    )
    .catch(() => undefined);
  await page.waitForTimeout(200);
}

test('the owner of a mortgaged flat shows it, and someone else verifies it by PIN', async () => {
  const owner = persona('mortgaged-owner');
  const ownerContext: BrowserContext = await newPhoneContext(suite.browser, stack.url);
  const page = await ownerContext.newPage();
  await logInBySms(page, stack, owner.mobile);
  await verifyRealName(page, owner);

  // The list, grouped by type, with the 抵押 badge in words.
  await page.goto(route('/pages/certificates/index'));
  await page.getByRole('heading', { name: '不动产权证书' }).waitFor({ timeout: 20_000 });
  const flat = page.getByRole('button', { name: /不动产权证书，状态抵押/ });
  await flat.waitFor();
  await expect(flat.getByText('抵押', { exact: true }).isVisible()).resolves.toBe(true);
  for (const group of ['居民身份证', '居民户口簿', '结婚证'])
    await page.getByRole('heading', { name: group }).waitFor();
  const listText = await bodyText(page);
  expect(listText).not.toContain(owner.idNumber);
  expect(listText).not.toContain(owner.name);
  await settled(page);
  await screenshot(page, 'certificates-list');
  expect(await seriousA11yViolations(page)).toEqual([]);

  // The detail: masked, with the mortgage.
  await flat.click();
  await page.getByText('抵押权人').waitFor({ timeout: 20_000 });
  const detailText = await bodyText(page);
  expect(detailText).toContain('陈**');
  expect(detailText).not.toContain(owner.idNumber);
  expect(detailText).toContain('建设银行');
  await settled(page);
  await screenshot(page, 'certificates-detail-masked');
  expect(await seriousA11yViolations(page)).toEqual([]);

  // 亮证 asks for a face check first; the sandbox face page opens in a new window: pass it there.
  await page.getByRole('button', { name: '亮证', exact: true }).click();
  await page.getByRole('button', { name: '开始刷脸' }).waitFor({ timeout: 20_000 });
  const [facePage] = await Promise.all([
    ownerContext.waitForEvent('page'),
    page.getByRole('button', { name: '开始刷脸' }).click(),
  ]);
  await facePage.waitForLoadState();
  const token = new URL(facePage.url()).pathname.split('/').pop()!;
  const completed = await json(`${stack.sandboxUrl}/sandbox/face/${token}/complete`, {
    method: 'POST',
    body: JSON.stringify({ result: 'pass' }),
  });
  expect(completed.status).toBe(200);
  await facePage.close();

  // The show code: QR image, 6-digit PIN, countdown.
  const pinLocator = page.locator('.cert-qr__pin');
  await pinLocator.waitFor({ timeout: 30_000 });
  const pin = (await pinLocator.innerText()).trim();
  expect(pin).toMatch(/^\d{6}$/);
  await expect(page.locator('.cert-qr__image').first().isVisible()).resolves.toBe(true);
  const countdown = await page.locator('.cert-qr__countdown').innerText();
  expect(Number(/(\d+)/.exec(countdown)![1])).toBeGreaterThan(280);
  await settled(page);
  await screenshot(page, 'certificates-show-code');

  // A second person in their own browser verifies by PIN.
  const verifierContext = await newPhoneContext(suite.browser, stack.url);
  const verifierPage = await verifierContext.newPage();
  await logInBySms(verifierPage, stack, persona('no-property').mobile);
  await verifierPage.goto(route('/pages/certificates/verify/index'));
  await verifierPage.getByPlaceholder('请输入对方出示的 6 位数字').fill(pin);
  await verifierPage.getByRole('button', { name: '核验', exact: true }).click();
  await verifierPage.getByText('真实有效').first().waitFor({ timeout: 20_000 });
  const resultText = await bodyText(verifierPage);
  expect(resultText).toContain('抵押');
  expect(resultText).toContain('陈**');
  expect(resultText).not.toContain(owner.name);
  expect(resultText).not.toContain(owner.idNumber);
  await settled(verifierPage);
  await screenshot(verifierPage, 'certificates-verified');
  expect(await seriousA11yViolations(verifierPage)).toEqual([]);

  // A second use of the same PIN is refused plainly.
  await verifierPage.getByRole('button', { name: '核验下一个' }).click();
  await verifierPage.getByPlaceholder('请输入对方出示的 6 位数字').fill(pin);
  await verifierPage.getByRole('button', { name: '核验', exact: true }).click();
  await verifierPage.getByText('该亮证码已被使用').first().waitFor({ timeout: 20_000 });
  await settled(verifierPage);
  await screenshot(verifierPage, 'certificates-verify-used');

  // The owner sees who checked, masked.
  await page.goto(route('/pages/certificates/access/index'));
  await page.getByText('核验方').first().waitFor({ timeout: 20_000 });
  // The verifier has no real name on their account: named by masked mobile.
  expect(await bodyText(page)).toContain('139****0008');
  await settled(page);
  await screenshot(page, 'certificates-access');

  // Elder mode: the same pages, larger.
  await setElderMode(page, true);
  await page.goto(route('/pages/certificates/index'));
  await page.getByRole('button', { name: /不动产权证书，状态抵押/ }).waitFor({ timeout: 20_000 });
  await settled(page);
  await screenshot(page, 'certificates-list-elder');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.getByRole('button', { name: /不动产权证书，状态抵押/ }).click();
  await page.getByText('抵押权人').waitFor({ timeout: 20_000 });
  await settled(page);
  await screenshot(page, 'certificates-detail-elder');

  await verifierContext.close();
  await ownerContext.close();
});
