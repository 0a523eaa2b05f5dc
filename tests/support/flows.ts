// What a resident does in the H5 app again and again across the browser suite: log in by SMS,
// pass the real-name check, switch elder mode; and one browser plus one stack per suite.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPhoneContext } from './browser';
import { latestSmsCode, persona } from './sandbox';
import { startTestStack, type Stack } from './stack';

export interface BrowserSuite {
  stack: Stack;
  browser: Browser;
}

/** Starts a stack and Chromium before the suite's tests and stops both after them. */
export function browserSuite(bffEnv: NodeJS.ProcessEnv = {}): BrowserSuite {
  const suite = {} as BrowserSuite;
  beforeAll(async () => {
    suite.stack = await startTestStack(bffEnv);
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.stack?.stop();
  });
  return suite;
}

export async function logInBySms(page: Page, stack: Stack, mobile: string): Promise<void> {
  await page.goto('/#/pages/login/index');
  await page.getByRole('textbox', { name: '手机号', exact: true }).fill(mobile);
  const asked = Date.now() - 1000;
  await page.getByRole('button', { name: '获取验证码', exact: true }).click();
  const code = await latestSmsCode(stack, mobile, asked);
  await page.getByRole('textbox', { name: '短信验证码', exact: true }).fill(code);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForFunction(() => !location.hash.includes('pages/login'), undefined, { timeout: 30_000 });
  // The app moves on after log-in; let that navigation finish before the test navigates itself.
  await page.waitForTimeout(500);
}

/** Fills 实名认证 and waits for the face step, which the app offers once the name and number match. */
/** A persona logged in by SMS and real-name verified, in a fresh phone-sized browser context. */
export async function verifiedResident(suite: BrowserSuite, key: string) {
  const who = await persona(suite.stack, key);
  const context = await newPhoneContext(suite.browser, suite.stack.url);
  const page = await context.newPage();
  await logInBySms(page, suite.stack, who.mobile);
  await verifyRealName(page, who);
  return { who, context, page };
}

export async function verifyRealName(page: Page, who: { name: string; idNumber: string }): Promise<void> {
  await page.goto('/#/pages/identity/index');
  await page.getByRole('textbox', { name: '姓名', exact: true }).fill(who.name);
  await page.getByRole('textbox', { name: '身份证号', exact: true }).fill(who.idNumber);
  await page.getByRole('button', { name: '下一步', exact: true }).click();
  await page.getByRole('button', { name: '开始刷脸', exact: true }).waitFor({ timeout: 30_000 });
}

export const isElder = (page: Page): Promise<boolean> =>
  page.evaluate(() => document.querySelector('.theme-elder') !== null);

/** Switches elder mode with the toggle on the home screen (the choice is remembered). */
export async function setElderMode(page: Page, on: boolean): Promise<void> {
  await page.goto('/');
  const toggle = page.getByRole('switch', { name: '长辈版', exact: true });
  await toggle.waitFor({ timeout: 30_000 });
  if ((await isElder(page)) !== on) await toggle.click();
  await page.waitForFunction((want) => (document.querySelector('.theme-elder') !== null) === want, on);
}

/** Serious and critical axe-core findings (WCAG 2 A/AA) on the current page. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
