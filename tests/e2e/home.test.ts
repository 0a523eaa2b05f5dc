// Issue 2 acceptance: the home screen at 375×812 in normal and elder mode, the four jobs in view
// without scrolling, elder mode's type at least 1.3× larger and remembered across a reload.
import type { Page } from 'playwright-core';
import { newPhoneContext, screenshot } from '../support/browser';
import { browserSuite, isElder, seriousA11yViolations, setElderMode } from '../support/flows';

const jobs = ['户口迁移', '实名认证', '证照查询', '预约办事'];

const suite = browserSuite();

async function openHome(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByText(jobs[0], { exact: true }).first().waitFor({ state: 'visible', timeout: 30_000 });
}

async function jobFontSizes(page: Page): Promise<number[]> {
  return Promise.all(
    jobs.map((job) =>
      page
        .getByText(job, { exact: true })
        .first()
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize)),
    ),
  );
}

async function expectJobsInView(page: Page): Promise<void> {
  const viewport = page.viewportSize()!;
  for (const job of jobs) {
    const box = await page.getByText(job, { exact: true }).first().boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
  }
}

async function bodyTextSize(page: Page): Promise<number> {
  // The page's base text size: the root element the theme tokens are applied to.
  return page.evaluate(() => {
    const probe = document.createElement('p');
    probe.textContent = '测试';
    (document.querySelector('.theme-root') ?? document.body).appendChild(probe);
    const size = parseFloat(getComputedStyle(probe).fontSize);
    probe.remove();
    return size;
  });
}

test('home shows the four jobs without scrolling, in normal and elder mode, and elder mode is remembered', async () => {
  const context = await newPhoneContext(suite.browser, suite.stack.url);
  const page = await context.newPage();
  await openHome(page);
  await expectJobsInView(page);
  for (const extra of ['我要问', '办事指南']) {
    await expect(page.getByText(extra, { exact: false }).first().isVisible()).resolves.toBe(true);
  }
  const normalSizes = await jobFontSizes(page);
  const normalBody = await bodyTextSize(page);
  expect(normalBody).toBeGreaterThanOrEqual(15);
  await screenshot(page, 'home-normal');

  await page.getByRole('switch', { name: '长辈版', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('.theme-elder') !== null);
  await expectJobsInView(page);
  const elderSizes = await jobFontSizes(page);
  const elderBody = await bodyTextSize(page);
  elderSizes.forEach((size, i) => expect(size / normalSizes[i]).toBeGreaterThanOrEqual(1.3));
  expect(elderBody / normalBody).toBeGreaterThanOrEqual(1.3);
  expect(elderBody).toBeGreaterThanOrEqual(20);
  await screenshot(page, 'home-elder');

  // Remembered across a restart of the app.
  await page.reload();
  await openHome(page);
  await expect(isElder(page)).resolves.toBe(true);
  await context.close();
});

test('home has no serious accessibility violations in either mode', async () => {
  const context = await newPhoneContext(suite.browser, suite.stack.url);
  const page = await context.newPage();
  for (const elder of [false, true]) {
    await setElderMode(page, elder);
    await openHome(page);
    await expect(seriousA11yViolations(page)).resolves.toEqual([]);
  }
  await context.close();
});
