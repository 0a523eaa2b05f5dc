// Stand-in for @tarojs/taro in jsdom unit tests: in-memory storage (survives re-mounts, as storage
// survives an app restart), a scriptable request handler, and recorded toasts, dialogs and navigation.

export interface StubResponse {
  statusCode: number;
  data?: unknown;
}
export type RequestHandler = (options: {
  url: string;
  method?: string;
  data?: any;
  header?: Record<string, string>;
}) => StubResponse | Promise<StubResponse>;

const storage = new Map<string, unknown>();
let requestHandler: RequestHandler = () => {
  throw Object.assign(new Error('request:fail no handler'), { errMsg: 'request:fail no handler' });
};
let modalAnswers: boolean[] = [];

export const calls = {
  requests: [] as Array<{ url: string; method?: string; data?: any; header?: Record<string, string> }>,
  toasts: [] as string[],
  modals: [] as Array<{ title?: string; content?: string; confirmText?: string }>,
  navigations: [] as Array<{ kind: string; url?: string }>,
  opened: [] as string[],
};

export const stub = {
  setRequestHandler(handler: RequestHandler) {
    requestHandler = handler;
  },
  /** Answers for the next showModal calls: true = confirm (e.g. 重试), false = cancel. */
  answerModals(...answers: boolean[]) {
    modalAnswers = answers;
  },
  storage,
  loginCode: 'wx-code-1',
  faceResult: { errCode: 0 } as { errCode: number; verifyResult?: string },
  reset() {
    storage.clear();
    modalAnswers = [];
    calls.requests.length = 0;
    calls.toasts.length = 0;
    calls.modals.length = 0;
    calls.navigations.length = 0;
    calls.opened.length = 0;
    stub.loginCode = 'wx-code-1';
    stub.faceResult = { errCode: 0 };
    requestHandler = () => {
      throw Object.assign(new Error('request:fail no handler'), { errMsg: 'request:fail no handler' });
    };
  },
};

function clone<T>(value: T): T {
  return value === undefined ? value : JSON.parse(JSON.stringify(value));
}

const Taro = {
  getStorageSync(key: string) {
    return storage.has(key) ? clone(storage.get(key)) : '';
  },
  setStorageSync(key: string, value: unknown) {
    storage.set(key, clone(value));
  },
  removeStorageSync(key: string) {
    storage.delete(key);
  },
  async request(options: { url: string; method?: string; data?: any; header?: Record<string, string> }) {
    calls.requests.push(clone(options));
    const response = await requestHandler(options);
    return { statusCode: response.statusCode, data: response.data, header: {}, errMsg: 'request:ok' };
  },
  async showToast(options: { title: string }) {
    calls.toasts.push(options.title);
    return { errMsg: 'showToast:ok' };
  },
  async showModal(options: { title?: string; content?: string; confirmText?: string }) {
    calls.modals.push(options);
    const confirm = modalAnswers.length ? (modalAnswers.shift() as boolean) : false;
    return { confirm, cancel: !confirm, errMsg: 'showModal:ok' };
  },
  async navigateTo(options: { url: string }) {
    calls.navigations.push({ kind: 'navigateTo', url: options.url });
  },
  async redirectTo(options: { url: string }) {
    calls.navigations.push({ kind: 'redirectTo', url: options.url });
  },
  async switchTab(options: { url: string }) {
    calls.navigations.push({ kind: 'switchTab', url: options.url });
  },
  async reLaunch(options: { url: string }) {
    calls.navigations.push({ kind: 'reLaunch', url: options.url });
  },
  async navigateBack() {
    calls.navigations.push({ kind: 'navigateBack' });
  },
  getCurrentPages() {
    return [{ route: 'pages/home/index' }];
  },
  async makePhoneCall(options: { phoneNumber: string }) {
    calls.opened.push(`tel:${options.phoneNumber}`);
  },
  async login() {
    return { code: stub.loginCode, errMsg: 'login:ok' };
  },
  async startFacialRecognitionVerify() {
    if (stub.faceResult.errCode !== 0) throw Object.assign(new Error('face fail'), stub.faceResult);
    return { ...stub.faceResult, errMsg: 'startFacialRecognitionVerify:ok' };
  },
  getEnv() {
    return 'WEB';
  },
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB' },
  useDidShow(callback: () => void) {
    // Pages run their on-show work once on mount in tests.
    const { useEffect } = require('react');
    useEffect(() => callback(), []); // eslint-disable-line react-hooks/exhaustive-deps
  },
  useRouter() {
    return { params: {}, path: '' };
  },
  pxTransform(size: number) {
    return `${size}px`;
  },
};

export const useDidShow = Taro.useDidShow;
export const useRouter = Taro.useRouter;
export const getEnv = Taro.getEnv;
export default Taro;
