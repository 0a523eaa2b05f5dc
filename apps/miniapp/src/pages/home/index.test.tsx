import { fireEvent, render, screen, within } from '@testing-library/react';
import { ElderModeProvider } from '@/theme/elder-mode';
import { storageKeys } from '@/utils/storage';
import { calls, stub } from '../../../test/stubs/taro';
import HomePage from './index';

const jobs = ['户口迁移', '实名认证', '证照查询', '预约办事'];

function renderHome() {
  return render(
    <ElderModeProvider>
      <HomePage />
    </ElderModeProvider>,
  );
}

describe('home', () => {
  it('shows the four jobs, 我要问 and 办事指南 in normal mode', () => {
    renderHome();
    for (const job of jobs) expect(screen.getByRole('button', { name: job })).toHaveTextContent(job);
    expect(screen.getByRole('button', { name: '我要问' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '办事指南' })).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: '长辈版' })).toBeInTheDocument();
  });

  it('shows the four jobs as large tiles plus 我要问 and a call for help in elder mode', () => {
    stub.storage.set(storageKeys.elderMode, true);
    const { container } = renderHome();
    expect(container.querySelector('.theme-elder')).not.toBeNull();
    const grid = screen.getByRole('region', { name: '常办事项' });
    expect(
      within(grid)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual(jobs);
    expect(screen.getByRole('button', { name: '我要问' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '电话求助' })).toBeInTheDocument();
    // Fewer entries: no hints under the tiles, no guide row.
    expect(screen.queryByText('落户、投靠、迁入')).toBeNull();
    expect(screen.queryByRole('button', { name: '办事指南' })).toBeNull();
  });

  it('opens each job with one tap', () => {
    renderHome();
    fireEvent.click(screen.getByRole('button', { name: '实名认证' }));
    fireEvent.click(screen.getByRole('button', { name: '户口迁移' }));
    expect(calls.navigations).toEqual([
      { kind: 'navigateTo', url: '/pages/identity/index' },
      { kind: 'navigateTo', url: '/pages/move/index' },
    ]);
  });

  it('places the help call from elder mode', () => {
    stub.storage.set(storageKeys.elderMode, true);
    renderHome();
    fireEvent.click(screen.getByRole('button', { name: '电话求助' }));
    expect(calls.opened).toEqual(['tel:12345']);
  });
});
