// Issue 5 acceptance in the browser: a demo person logs in by SMS (code read from the sandbox
// outbox), verifies their identity, passes the face check and sees only masked data on 我的,
// in normal and in elder mode.
import { maskIdNumber, maskName } from '../../bff/src/rules/masking';
import { newPhoneContext, screenshot } from '../support/browser';
import { browserSuite, isElder, logInBySms, setElderMode } from '../support/flows';
import { completeFaceCheck, persona } from '../support/sandbox';

const suite = browserSuite();

for (const mode of ['normal', 'elder'] as const) {
  test(`log in by SMS, verify identity, pass the face check, see masked data (${mode})`, async () => {
    const { stack, browser } = suite;
    const person = await persona(stack, mode === 'normal' ? 'graduate' : 'elder');
    const context = await newPhoneContext(browser, stack.url);
    const page = await context.newPage();
    if (mode === 'elder') await setElderMode(page, true);

    await logInBySms(page, stack, person.mobile);
    await screenshot(page, `identity-${mode}-1-logged-in`);

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
    await expect(isElder(page)).resolves.toBe(mode === 'elder');
    await screenshot(page, `identity-${mode}-5-mine`);
    await context.close();
  });
}
