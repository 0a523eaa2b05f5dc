// Runs before every miniapp unit test: DOM matchers, a canvas that NutUI can probe, the build-time
// constants of config/index.ts, and a clean Taro stand-in.
import '@testing-library/jest-dom';
import { stub } from './stubs/taro';

(globalThis as unknown as { BIANMIN_API_BASE: string }).BIANMIN_API_BASE = '/api';
process.env.TARO_ENV = process.env.TARO_ENV || 'h5';

HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement['getContext'];

beforeEach(() => {
  stub.reset();
});
