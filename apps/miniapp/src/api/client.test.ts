import { calls, stub } from '../../test/stubs/taro';
import { request } from './client';
import { ApiError, NetworkError } from './errors';
import { getToken, setToken } from './session';
import { messages } from '@/messages/zh-CN';

const networkDown = () => {
  throw Object.assign(new Error('request:fail'), { errMsg: 'request:fail timeout' });
};

describe('BFF client', () => {
  it('sends the bearer token and returns the body of a 2xx answer', async () => {
    setToken('tok-1');
    stub.setRequestHandler(() => ({ statusCode: 200, data: { ok: true } }));
    await expect(request<{ ok: boolean }>('/me')).resolves.toEqual({ ok: true });
    expect(calls.requests[0].url).toBe('/api/me');
    expect(calls.requests[0].header?.Authorization).toBe('Bearer tok-1');
  });

  it('turns the contract error shape into an ApiError and a Chinese toast', async () => {
    stub.setRequestHandler(() => ({
      statusCode: 429,
      data: {
        error: { code: 'SMS_CODE_RATE_LIMITED', message: '发送太频繁，请稍后再试', retryAfterSeconds: 42 },
        requestId: 'r-1',
      },
    }));
    const error = (await request('/auth/sms-codes', { method: 'POST', data: { mobile: '13800000000' } }).catch(
      (e: unknown) => e,
    )) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('SMS_CODE_RATE_LIMITED');
    expect(error.status).toBe(429);
    expect(error.requestId).toBe('r-1');
    expect(error.retryAfterSeconds).toBe(42);
    expect(calls.toasts).toEqual(['发送太频繁，请稍后再试']);
  });

  it('shows a long message in a dialog, and nothing for codes the page shows itself', async () => {
    const long = '身份证号第 18 位校验不正确，请核对后重新填写您的号码';
    stub.setRequestHandler(() => ({ statusCode: 400, data: { error: { code: 'ID_NUMBER_INVALID', message: long } } }));
    await expect(request('/x')).rejects.toBeInstanceOf(ApiError);
    expect(calls.modals.map((m) => m.content)).toEqual([long]);
    await expect(request('/x', { quiet: ['ID_NUMBER_INVALID'] })).rejects.toMatchObject({
      code: 'ID_NUMBER_INVALID',
      message: long,
    });
    expect(calls.modals).toHaveLength(1);
    expect(calls.toasts).toHaveLength(0);
  });

  it('gives a readable error when the answer is not in the contract shape', async () => {
    stub.setRequestHandler(() => ({ statusCode: 500, data: '<html>bad gateway</html>' }));
    const error = (await request('/x', { noRetryPrompt: true }).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toBe(messages.network.serviceBusy);
  });

  it('offers 重试 on a network failure, and the retry really repeats the request', async () => {
    let attempt = 0;
    stub.setRequestHandler(() => {
      attempt += 1;
      if (attempt === 1) return networkDown();
      return { statusCode: 200, data: { ok: attempt } };
    });
    stub.answerModals(true);
    await expect(request('/me')).resolves.toEqual({ ok: 2 });
    expect(calls.modals[0]).toMatchObject({ content: messages.network.unstable, confirmText: '重试' });
    expect(calls.requests).toHaveLength(2);
  });

  it('gives up with a NetworkError when the resident declines to retry', async () => {
    stub.setRequestHandler(networkDown);
    stub.answerModals(false);
    const error = (await request('/me').catch((e: unknown) => e)) as NetworkError;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toBe('网络不太稳定，请重试');
    expect(calls.requests).toHaveLength(1);
  });

  it('offers 重试 when the platform behind the BFF times out (504)', async () => {
    let attempt = 0;
    stub.setRequestHandler(() => {
      attempt += 1;
      return attempt === 1
        ? {
            statusCode: 504,
            data: { error: { code: 'PLATFORM_TIMEOUT', message: '身份核验服务响应超时，请稍后重试' } },
          }
        : { statusCode: 200, data: { done: true } };
    });
    stub.answerModals(true);
    await expect(request('/identity/real-name', { method: 'POST' })).resolves.toEqual({ done: true });
    expect(calls.modals[0].content).toBe('身份核验服务响应超时，请稍后重试');
  });

  it('clears the stored token on 401 and tells the resident to log in again', async () => {
    setToken('expired');
    stub.setRequestHandler(() => ({
      statusCode: 401,
      data: { error: { code: 'UNAUTHENTICATED', message: '请先登录' } },
    }));
    await expect(request('/me')).rejects.toMatchObject({ status: 401 });
    expect(getToken()).toBeNull();
    expect(calls.toasts).toEqual([messages.network.sessionExpired]);
  });

  it('keeps the token when a log-in call (sent without it) answers 401 about the code', async () => {
    setToken('still-good');
    stub.setRequestHandler(() => ({
      statusCode: 401,
      data: { error: { code: 'SMS_CODE_INVALID', message: '验证码不正确' } },
    }));
    await expect(request('/auth/sms-login', { method: 'POST', auth: false, quiet: true })).rejects.toMatchObject({
      code: 'SMS_CODE_INVALID',
    });
    expect(calls.requests[0].header?.Authorization).toBeUndefined();
    expect(getToken()).toBe('still-good');
  });

  it('replaces the token when an answer carries a new one', async () => {
    setToken('old');
    stub.setRequestHandler(() => ({ statusCode: 200, data: { token: 'rotated', user: {} } }));
    await request('/identity/real-name', { method: 'POST' });
    expect(getToken()).toBe('rotated');
  });
});
