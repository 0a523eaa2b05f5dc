import { act, fireEvent, render, screen } from '@testing-library/react';
import { getToken, setToken } from '@/api/session';
import { ElderModeProvider } from '@/theme/elder-mode';
import { storageKeys } from '@/utils/storage';
import { calls, stub, type RequestHandler } from '../../../test/stubs/taro';
import IdentityPage from './index';

const validId = '11010519491231002X';

function me(level: string) {
  return {
    statusCode: 200,
    data: {
      user: { id: 'u1', role: 'resident', level, mobileMasked: '138****1234', nameMasked: null, idNumberMasked: null },
      session: { level, role: 'resident', expiresAt: '2026-12-01T00:00:00Z' },
    },
  };
}

function renderIdentity() {
  return render(
    <ElderModeProvider>
      <IdentityPage />
    </ElderModeProvider>,
  );
}

const flush = () => act(async () => undefined);
const type = (label: string, value: string) =>
  fireEvent.change(screen.getByRole('textbox', { name: label }), { target: { value } });

function backend(routes: Record<string, RequestHandler>) {
  stub.setRequestHandler((options) => {
    const key = `${options.method ?? 'GET'} ${options.url.replace('/api', '')}`;
    const handler = routes[key] ?? Object.entries(routes).find(([k]) => key.startsWith(k.replace('*', '')))?.[1];
    if (!handler) throw new Error(`no route for ${key}`);
    return handler(options);
  });
}

describe('实名认证 page', () => {
  afterEach(() => jest.restoreAllMocks());

  it('asks a visitor to log in first, and comes back here afterwards', async () => {
    renderIdentity();
    await flush();
    expect(screen.getByText('请先登录，再进行实名认证')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '去登录' }));
    expect(calls.navigations).toEqual([
      { kind: 'navigateTo', url: '/pages/login/index?redirect=%2Fpages%2Fidentity%2Findex' },
    ]);
  });

  it('checks the ID number inline: wrong characters at once, the checksum naming position 18', async () => {
    setToken('t1');
    backend({ 'GET /me': () => me('LOGGED_IN') });
    renderIdentity();
    await flush();
    expect(screen.getByText('第 1 步，共 2 步：核对姓名和身份证号')).toBeInTheDocument();
    type('身份证号', '1101A');
    expect(screen.getByRole('alert')).toHaveTextContent('身份证号第 5 位应为数字');
    type('身份证号', '110105194912310021');
    expect(screen.getByRole('alert')).toHaveTextContent('身份证号第 18 位校验不正确，请核对');
    type('身份证号', validId.toLowerCase());
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('does not call the BFF while the form is incomplete', async () => {
    setToken('t1');
    backend({ 'GET /me': () => me('LOGGED_IN') });
    renderIdentity();
    await flush();
    type('身份证号', '1101051949');
    fireEvent.click(screen.getByRole('button', { name: '下一步' }));
    await flush();
    expect(screen.getByText('⚠ 请输入姓名')).toBeInTheDocument();
    expect(screen.getByText('⚠ 身份证号应为 18 位，当前为 10 位')).toBeInTheDocument();
    expect(calls.requests.filter((r) => r.url.includes('real-name'))).toHaveLength(0);
  });

  it('shows a mismatch beside the ID field with the attempts left, and keeps the draft', async () => {
    setToken('t1');
    backend({
      'GET /me': () => me('LOGGED_IN'),
      'POST /identity/real-name': () => ({
        statusCode: 422,
        data: { error: { code: 'IDENTITY_MISMATCH', message: '姓名与身份证号不一致', remainingAttempts: 3 } },
      }),
    });
    const first = renderIdentity();
    await flush();
    type('姓名', '张三');
    type('身份证号', validId);
    fireEvent.click(screen.getByRole('button', { name: '下一步' }));
    await flush();
    expect(screen.getByRole('alert')).toHaveTextContent('姓名与身份证号不一致（今天还可尝试 3 次）');
    first.unmount();
    renderIdentity();
    await flush();
    expect(screen.getByRole('textbox', { name: '姓名' })).toHaveValue('张三');
    expect(screen.getByRole('textbox', { name: '身份证号' })).toHaveValue(validId);
  });

  it('verifies, moves to the face step, opens the face page and polls until PASS', async () => {
    jest.useFakeTimers();
    const opened: string[] = [];
    const open = jest.spyOn(window, 'open').mockImplementation((url) => {
      opened.push(String(url));
      return {} as Window;
    });
    try {
      setToken('t1');
      let polls = 0;
      backend({
        'GET /me': () => me('LOGGED_IN'),
        'POST /identity/real-name': () => ({ statusCode: 200, data: { token: 't2', expiresAt: 'x', user: {} } }),
        'POST /identity/face-checks': () => ({
          statusCode: 200,
          data: { faceCheckId: 'fc1', status: 'PENDING', h5Url: 'http://sandbox/face/abc', expiresAt: 'x' },
        }),
        'GET /identity/face-checks/fc1': () => {
          polls += 1;
          return polls < 2
            ? { statusCode: 200, data: { faceCheckId: 'fc1', status: 'PENDING' } }
            : { statusCode: 200, data: { faceCheckId: 'fc1', status: 'PASS', token: 't3', faceCheckedUntil: 'x' } };
        },
      });
      renderIdentity();
      await flush();
      type('姓名', '张三');
      type('身份证号', validId);
      fireEvent.click(screen.getByRole('button', { name: '下一步' }));
      await flush();
      expect(getToken()).toBe('t2');
      expect(stub.storage.has(storageKeys.identityDraft)).toBe(false);
      expect(screen.getByText('第 2 步，共 2 步：刷脸确认本人')).toBeInTheDocument();

      fireEvent.click(screen.getByRole('button', { name: '开始刷脸' }));
      await flush();
      expect(opened).toEqual(['http://sandbox/face/abc']);
      expect(screen.getByText('请在新打开的页面完成刷脸，完成后这里会自动更新')).toBeInTheDocument();
      await act(async () => {
        jest.advanceTimersByTime(2100);
      });
      await flush();
      expect(screen.getByText('✓ 刷脸核验通过，5 分钟内可办理敏感事项')).toBeInTheDocument();
      expect(getToken()).toBe('t3');
      expect(stub.storage.has(storageKeys.pendingFaceCheck)).toBe(false);
    } finally {
      open.mockRestore();
      jest.useRealTimers();
    }
  });

  it('says a failed face check plainly and offers another try', async () => {
    setToken('t1');
    jest.spyOn(window, 'open').mockImplementation(() => ({}) as Window);
    backend({
      'GET /me': () => me('REAL_NAME'),
      'POST /identity/face-checks': () => ({
        statusCode: 200,
        data: { faceCheckId: 'fc2', status: 'PENDING', h5Url: 'u', expiresAt: 'x' },
      }),
      'GET /identity/face-checks/fc2': () => ({ statusCode: 200, data: { faceCheckId: 'fc2', status: 'FAIL' } }),
    });
    renderIdentity();
    await flush();
    fireEvent.click(screen.getByRole('button', { name: '开始刷脸' }));
    await flush();
    await flush();
    expect(screen.getByRole('alert')).toHaveTextContent('刷脸未通过');
    expect(screen.getByRole('button', { name: '再试一次' })).toBeInTheDocument();
  });
});
