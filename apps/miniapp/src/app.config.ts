// Pages and packages. The resident's pages sit in the main package; the community guides' and the
// staff's areas are subpackages, loaded only by those who need them (WeChat: main package ≤ 2 MB).
import { messages } from './messages/zh-CN';

export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/progress/index',
    'pages/mine/index',
    'pages/login/index',
    'pages/identity/index',
    'pages/move/index',
    'pages/certificates/index',
    'pages/certificates/detail/index',
    'pages/certificates/show/index',
    'pages/certificates/verify/index',
    'pages/certificates/access/index',
    'pages/appointments/index',
    'pages/appointments/mine/index',
    'pages/ask/index',
    'pages/guide-items/index',
    'pages/guide-items/detail/index',
    'pages/progress/detail/index',
  ],
  subPackages: [
    { root: 'pages/assist', pages: ['index', 'letter/index'] },
    { root: 'packages/guide', pages: ['pages/index', 'pages/request/index', 'pages/act/index'] },
    { root: 'packages/staff', pages: ['pages/index'] },
  ],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f2f4f7',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: messages.app.name,
    navigationBarTextStyle: 'black',
  },
  // Tab icons are local PNGs (WeChat requires files ≤ 40 KB); each always has its text label.
  tabBar: {
    color: '#4a5260',
    selectedColor: '#1a5fb4',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/home/index',
        text: messages.tabs.home,
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png',
      },
      {
        pagePath: 'pages/progress/index',
        text: messages.tabs.progress,
        iconPath: 'assets/tabbar/progress.png',
        selectedIconPath: 'assets/tabbar/progress-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: messages.tabs.mine,
        iconPath: 'assets/tabbar/mine.png',
        selectedIconPath: 'assets/tabbar/mine-active.png',
      },
    ],
  },
});
