// Runs before every miniapp unit test: DOM matchers, a canvas that NutUI can probe, the build-time
// constants of config/index.ts, and a clean Taro stand-in.
import '@testing-library/jest-dom';
import { stub } from './stubs/taro';

(globalThis as unknown as { BIANMIN_API_BASE: string }).BIANMIN_API_BASE = '/api';
process.env.TARO_ENV = process.env.TARO_ENV || 'h5';

// jsdom has no canvas; NutUI's bundled animation library draws on one while loading. A context that
// accepts any property and any call is enough.
const fakeContext = new Proxy({} as Record<string | symbol, unknown>, {
  get: (target, key) => (key in target ? target[key] : () => ({ data: [] })),
  set: (target, key, value) => {
    target[key] = value;
    return true;
  },
});
HTMLCanvasElement.prototype.getContext = (() => fakeContext) as unknown as HTMLCanvasElement['getContext'];

beforeEach(() => {
  stub.reset();
});

// NutUI's bundled animation library warns once at load that mini-programs cannot create canvases;
// that is about the mini-program runtime, not these tests.
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].includes('Lottie')) return;
  warn(...args);
};

// NutUI's loading icon sets a vendor-prefixed style React does not know; harmless in jsdom.
const error = console.error.bind(console);
console.error = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].includes('Unsupported style property')) return;
  error(...args);
};
