// Pages and packages. The main package holds only what the first screens need (the tabs, log-in,
// 实名认证); each feature is a subpackage loaded when first opened, and so are the community guides'
// and the staff's areas (WeChat: main package ≤ 2 MB; ours is kept under 500 KB). A feature
// subpackage's root is its pages/<feature> folder, so its routes are the same in weapp and H5.
import { messages } from './messages/zh-CN';

export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/progress/index',
    'pages/mine/index',
    'pages/login/index',
    'pages/identity/index',
    'pages/progress/detail/index',
  ],
  subPackages: [
    {
      root: 'pages/certificates',
      pages: ['index', 'detail/index', 'show/index', 'verify/index', 'access/index'],
    },
    { root: 'pages/appointments', pages: ['index', 'mine/index'] },
    { root: 'pages/assist', pages: ['index', 'letter/index'] },
    { root: 'pages/move', pages: ['index'] },
    { root: 'pages/ask', pages: ['index'] },
    { root: 'pages/guide-items', pages: ['index', 'detail/index'] },
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
