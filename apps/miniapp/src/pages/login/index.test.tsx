import { act, fireEvent, render, screen } from '@testing-library/react';
import { getToken } from '@/api/session';
import { ElderModeProvider } from '@/theme/elder-mode';
import { storageKeys } from '@/utils/storage';
import { calls, stub } from '../../../test/stubs/taro';
import LoginPage from './index';

const user = {
  id: 'u1',
  role: 'resident',
  level: 'LOGGED_IN',
  mobileMasked: '138****1234',
  nameMasked: null,
  idNumberMasked: null,
};

function renderLogin() {
  return render(
    <ElderModeProvider>
      <LoginPage />
    </ElderModeProvider>,
  );
}

const type = (label: string, value: string) =>
  fireEvent.change(screen.getByRole('textbox', { name: label }), { target: { value } });
const flush = () => act(async () => undefined);

describe('SMS log-in page', () => {
  afterEach(() => jest.useRealTimers());

  it('checks the mobile number before asking for a code', async () => {
    renderLogin();
    type('手机号', '12345');
    fireEvent.click(screen.getByRole('button', { name: '获取验证码' }));
    await flush();
    expect(screen.getByRole('alert')).toHaveTextContent('手机号应为 1 开头的 11 位数字，请核对');
    expect(calls.requests).toHaveLength(0);
  });

  it('sends a code, counts down before a resend, then logs in and keeps the token', async () => {
    jest.useFakeTimers();
    stub.setRequestHandler(({ url }) => {
      if (url.endsWith('/auth/sms-codes'))
        return { statusCode: 200, data: { sentTo: '138****1234', expiresInSeconds: 300, resendAfterSeconds: 60 } };
      return { statusCode: 200, data: { token: 'tok-sms', expiresAt: '2026-12-01T00:00:00Z', user } };
    });
    renderLogin();
    type('手机号', '13800001234');
    fireEvent.click(screen.getByRole('button', { name: '获取验证码' }));
    await flush();
    expect(calls.requests[0]).toMatchObject({
      url: '/api/auth/sms-codes',
      method: 'POST',
      data: { mobile: '13800001234' },
    });
    expect(screen.getByText('验证码已发送至 138****1234，5 分钟内有效')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '获取验证码' })).toHaveTextContent('60 秒后重新获取');
    act(() => {
      jest.advanceTimersByTime(3000);
    });
    expect(screen.getByRole('button', { name: '获取验证码' })).toHaveTextContent('57 秒后重新获取');
    // A tap during the countdown sends nothing.
    fireEvent.click(screen.getByRole('button', { name: '获取验证码' }));
    await flush();
    expect(calls.requests).toHaveLength(1);

    type('短信验证码', '123456');
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    await flush();
    expect(calls.requests[1]).toMatchObject({
      url: '/api/auth/sms-login',
      data: { mobile: '13800001234', code: '123456' },
    });
    expect(getToken()).toBe('tok-sms');
    expect(calls.navigations).toEqual([{ kind: 'switchTab', url: '/pages/mine/index' }]);
  });

  it('puts a wrong code beside the code field and keeps the mobile number', async () => {
    stub.setRequestHandler(() => ({
      statusCode: 401,
      data: { error: { code: 'SMS_CODE_INVALID', message: '验证码不正确，还可再试 4 次' } },
    }));
    renderLogin();
    type('手机号', '13800001234');
    type('短信验证码', '000000');
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    await flush();
    expect(screen.getByRole('alert')).toHaveTextContent('验证码不正确，还可再试 4 次');
    expect(screen.getByRole('textbox', { name: '短信验证码' })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('textbox', { name: '手机号' })).toHaveValue('13800001234');
    expect(getToken()).toBeNull();
  });

  it('shows the wait time when codes are rate-limited', async () => {
    stub.setRequestHandler(() => ({
      statusCode: 429,
      data: { error: { code: 'SMS_CODE_RATE_LIMITED', message: '发送太频繁，请 45 秒后再试', retryAfterSeconds: 45 } },
    }));
    renderLogin();
    type('手机号', '13800001234');
    fireEvent.click(screen.getByRole('button', { name: '获取验证码' }));
    await flush();
    expect(screen.getByRole('alert')).toHaveTextContent('发送太频繁，请 45 秒后再试');
    expect(screen.getByRole('button', { name: '获取验证码' })).toHaveTextContent('45 秒后重新获取');
  });

  it('keeps the typed mobile number as a draft across a restart', () => {
    const first = renderLogin();
    type('手机号', '1380000');
    first.unmount();
    expect(stub.storage.get(storageKeys.loginDraft)).toEqual({ mobile: '1380000' });
    renderLogin();
    expect(screen.getByRole('textbox', { name: '手机号' })).toHaveValue('1380000');
  });

  it('logs in with WeChat in the mini-program build', async () => {
    process.env.TARO_ENV = 'weapp';
    try {
      stub.loginCode = 'wx-code-9';
      stub.setRequestHandler(() => ({ statusCode: 200, data: { token: 'tok-wx', expiresAt: 'x', user } }));
      renderLogin();
      fireEvent.click(screen.getByRole('button', { name: '微信一键登录' }));
      await flush();
      expect(calls.requests[0]).toMatchObject({ url: '/api/auth/wechat-login', data: { code: 'wx-code-9' } });
      expect(getToken()).toBe('tok-wx');
    } finally {
      process.env.TARO_ENV = 'h5';
    }
  });
});
