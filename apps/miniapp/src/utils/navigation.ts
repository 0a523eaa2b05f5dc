// Page routes in one place, and navigation that never strands the resident.
import Taro from '@tarojs/taro';

export const routes = {
  home: '/pages/home/index',
  progress: '/pages/progress/index',
  mine: '/pages/mine/index',
  login: '/pages/login/index',
  identity: '/pages/identity/index',
  move: '/pages/move/index',
  certificates: '/pages/certificates/index',
  appointments: '/pages/appointments/index',
  ask: '/pages/ask/index',
  guideItems: '/pages/guide-items/index',
  guideDesk: '/packages/guide/pages/index',
  staffDesk: '/packages/staff/pages/index',
} as const;

const tabRoutes: string[] = [routes.home, routes.progress, routes.mine];

export function go(url: string): void {
  const path = url.split('?')[0];
  if (tabRoutes.includes(path)) void Taro.switchTab({ url: path });
  else void Taro.navigateTo({ url });
}

/** Back to the previous page, or home when the page was opened directly (shared link, reload). */
export function goBack(): void {
  const pages = Taro.getCurrentPages();
  if (pages.length > 1) void Taro.navigateBack();
  else void Taro.switchTab({ url: routes.home });
}
