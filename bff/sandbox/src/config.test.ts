import { loadConfig, withDefaultDatabase } from './config';
import { FaultRegistry } from './core/faults';

describe('loadConfig', () => {
  it('reads flags before the environment and defaults the database name', () => {
    const config = loadConfig(['--port', '0', '--mongodb-uri', 'mongodb://127.0.0.1:1234', '--seed=7'], {
      PLATFORM_KEY: 'from-env-key',
      SANDBOX_PORT: '9999',
    });
    expect(config).toMatchObject({
      port: 0,
      seed: 7,
      platformKey: 'from-env-key',
      mongodbUri: 'mongodb://127.0.0.1:1234/bianmin_platform',
      logLevel: 'info',
    });
    expect(loadConfig([], { MONGODB_URI: 'mongodb://h:1/x', SANDBOX_PORT: '4000' })).toMatchObject({
      port: 4000,
      mongodbUri: 'mongodb://h:1/x',
    });
  });

  it('refuses unknown flags, missing values and bad settings', () => {
    expect(() => loadConfig(['--nope', '1'], { MONGODB_URI: 'mongodb://h:1' })).toThrow(/unknown flag/);
    expect(() => loadConfig(['--port'], { MONGODB_URI: 'mongodb://h:1' })).toThrow(/needs a value/);
    expect(() => loadConfig([], {})).toThrow(/mongodbUri/);
    expect(() => loadConfig(['--platform-key', 'short'], { MONGODB_URI: 'mongodb://h:1' })).toThrow(/platformKey/);
  });

  it('keeps a database name and query already in the URI', () => {
    expect(withDefaultDatabase('mongodb://h:1/')).toBe('mongodb://h:1/bianmin_platform');
    expect(withDefaultDatabase('mongodb://h:1/?directConnection=true')).toBe(
      'mongodb://h:1/bianmin_platform?directConnection=true',
    );
    expect(withDefaultDatabase('mongodb://h:1/mine?x=1')).toBe('mongodb://h:1/mine?x=1');
  });
});

describe('FaultRegistry', () => {
  it('merges settings per service and lets a service override * field by field', () => {
    const faults = new FaultRegistry();
    faults.set({ service: '*', latencyMs: 100, errorRate: 0.2 });
    faults.set({ service: 'sms', errorRate: 1 });
    faults.set({ service: 'sms', resetRate: 0.5 });
    expect(faults.effective('sms')).toEqual({ latencyMs: 100, errorRate: 1, resetRate: 0.5 });
    expect(faults.effective('wechat')).toEqual({ latencyMs: 100, errorRate: 0.2, resetRate: 0 });
    faults.clear('*');
    expect(faults.effective('wechat')).toEqual({ latencyMs: 0, errorRate: 0, resetRate: 0 });
    faults.clear();
    expect(faults.list()).toEqual({});
  });
});
