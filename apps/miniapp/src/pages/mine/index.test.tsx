import { act, fireEvent, render, screen } from '@testing-library/react';
import { getToken, setToken } from '@/api/session';
import { ElderModeProvider } from '@/theme/elder-mode';
import { calls, stub } from '../../../test/stubs/taro';
import MinePage from './index';

const flush = () => act(async () => undefined);

function renderMine() {
  return render(
    <ElderModeProvider>
      <MinePage />
    </ElderModeProvider>,
  );
}

function answerMe(level: string, extra: Record<string, unknown> = {}) {
  stub.setRequestHandler(({ url }) => {
    if (url.endsWith('/auth/logout')) return { statusCode: 200, data: { loggedOut: 1 } };
    return {
      statusCode: 200,
      data: {
        user: {
          id: 'u1',
          role: 'resident',
          level,
          mobileMasked: '138****1234',
          nameMasked: '张*',
          idNumberMasked: '110***********002X',
          ...extra,
        },
        session: {
          level,
          role: 'resident',
          expiresAt: '2026-12-01T00:00:00Z',
          faceCheckedUntil: '2026-11-23T04:05:00Z',
        },
      },
    };
  });
}

describe('我的 page', () => {
  it('invites a visitor to log in and still offers 长辈版', async () => {
    renderMine();
    await flush();
    expect(screen.getByText('您还没有登录')).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: '长辈版' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '去登录' }));
    expect(calls.navigations).toEqual([{ kind: 'navigateTo', url: '/pages/login/index' }]);
  });

  it('shows masked data and the level in words, with the face check time in China time', async () => {
    setToken('t1');
    answerMe('FACE_CHECKED');
    renderMine();
    await flush();
    expect(screen.getByText('张*')).toBeInTheDocument();
    expect(screen.getByText('110***********002X')).toBeInTheDocument();
    expect(screen.getByText('138****1234')).toBeInTheDocument();
    expect(screen.getByText('已刷脸')).toBeInTheDocument();
    expect(screen.getByText('刷脸有效至 12:05')).toBeInTheDocument();
  });

  it('leads a logged-in resident without real name to 实名认证', async () => {
    setToken('t1');
    answerMe('LOGGED_IN', { nameMasked: null, idNumberMasked: null });
    renderMine();
    await flush();
    expect(screen.getByText('已登录')).toBeInTheDocument();
    expect(screen.getAllByText('未实名')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: '去实名认证' }));
    expect(calls.navigations).toEqual([{ kind: 'navigateTo', url: '/pages/identity/index' }]);
  });

  it('logs out: tells the BFF, forgets the token, shows the guest view', async () => {
    setToken('t1');
    answerMe('REAL_NAME');
    renderMine();
    await flush();
    fireEvent.click(screen.getByRole('button', { name: '退出登录' }));
    await flush();
    expect(calls.requests.at(-1)).toMatchObject({
      url: '/api/auth/logout',
      method: 'POST',
      data: { allDevices: false },
    });
    expect(getToken()).toBeNull();
    expect(screen.getByText('您还没有登录')).toBeInTheDocument();
    expect(calls.toasts).toContain('已退出登录');
  });

  it('treats a rejected session as logged out', async () => {
    setToken('revoked');
    stub.setRequestHandler(() => ({
      statusCode: 401,
      data: { error: { code: 'UNAUTHENTICATED', message: '请先登录' } },
    }));
    renderMine();
    await flush();
    expect(screen.getByText('您还没有登录')).toBeInTheDocument();
    expect(getToken()).toBeNull();
  });
});
