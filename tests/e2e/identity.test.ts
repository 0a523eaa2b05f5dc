// Issue 5 acceptance in the browser: a demo person logs in by SMS (code read from the sandbox
// outbox), verifies their identity, passes the face check and sees only masked data on 我的,
// in normal and in elder mode.
import type { Browser, Page } from 'playwright-core';
import { maskIdNumber, maskName } from '../../bff/src/rules/masking';
import { launchBrowser, newPhoneContext, screenshot } from '../support/browser';
import { completeFaceCheck, latestSmsCode, persona } from '../support/sandbox';
import { startTestStack, type Stack } from '../support/stack';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  stack = await startTestStack();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function switchElderMode(page: Page): Promise<void> {
  await page.goto('/');
  const toggle = page.getByRole('switch', { name: '长辈版', exact: true });
  await toggle.waitFor({ timeout: 30_000 });
  await toggle.click();
  await page.waitForFunction(() => document.querySelector('.theme-elder') !== null);
}

async function logInBySms(page: Page, mobile: string, mode: string): Promise<void> {
  await page.goto('/#/pages/login/index');
  await page.getByRole('textbox', { name: '手机号', exact: true }).fill(mobile);
  const asked = Date.now() - 1000;
  await page.getByRole('button', { name: '获取验证码', exact: true }).click();
  const code = await latestSmsCode(stack, mobile, asked);
  await page.getByRole('textbox', { name: '短信验证码', exact: true }).fill(code);
  await screenshot(page, `identity-${mode}-1-login`);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForFunction(() => !location.hash.includes('pages/login'), undefined, { timeout: 30_000 });
}

for (const mode of ['normal', 'elder'] as const) {
  test(`log in by SMS, verify identity, pass the face check, see masked data (${mode})`, async () => {
    const person = await persona(stack, mode === 'normal' ? 'graduate' : 'elder');
    const context = await newPhoneContext(browser, stack.url);
    const page = await context.newPage();
    if (mode === 'elder') await switchElderMode(page);

    await logInBySms(page, person.mobile, mode);

    await page.goto('/#/pages/identity/index');
    await page.getByRole('textbox', { name: '姓名', exact: true }).fill(person.name);
    // A wrong check character is caught on the phone, beside the field, before anything is sent.
    const wrongLast = person.idNumber.endsWith('1') ? '2' : '1';
    await page.getByRole('textbox', { name: '身份证号', exact: true }).fill(person.idNumber.slice(0, 17) + wrongLast);
    await page.getByRole('button', { name: '下一步', exact: true }).click();
    await page.getByText('身份证号第 18 位校验不正确，请核对').first().waitFor();
    await screenshot(page, `identity-${mode}-2-checksum`);

    await page.getByRole('textbox', { name: '身份证号', exact: true }).fill(person.idNumber);
    await page.getByRole('button', { name: '下一步', exact: true }).click();
    const startFace = page.getByRole('button', { name: '开始刷脸', exact: true });
    await startFace.waitFor({ timeout: 30_000 });
    await screenshot(page, `identity-${mode}-3-face`);

    const popupPromise = context.waitForEvent('page');
    await startFace.click();
    const popup = await popupPromise;
    const token = /\/sandbox\/face\/([^/?#]+)/.exec(popup.url())?.[1];
    expect(token).toBeTruthy();
    await completeFaceCheck(stack, token!, 'pass');
    await popup.close();
    await page.getByRole('button', { name: '查看我的信息', exact: true }).waitFor({ timeout: 30_000 });
    await screenshot(page, `identity-${mode}-4-passed`);

    await page.getByRole('button', { name: '查看我的信息', exact: true }).click();
    await page.getByText(maskIdNumber(person.idNumber), { exact: true }).waitFor({ timeout: 30_000 });
    await expect(page.getByText(maskName(person.name), { exact: true }).first().isVisible()).resolves.toBe(true);
    await expect(page.getByText('已刷脸', { exact: false }).first().isVisible()).resolves.toBe(true);
    const html = await page.content();
    expect(html).not.toContain(person.idNumber);
    expect(html).not.toContain(person.name);
    if (mode === 'elder') await expect(page.evaluate(() => document.querySelector('.theme-elder') !== null)).resolves.toBe(true);
    await screenshot(page, `identity-${mode}-5-mine`);
    await context.close();
  });
}
