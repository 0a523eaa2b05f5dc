// The process entry: the ready line, the config check, and a graceful stop that lets in-flight
// requests finish before closing the store and exiting 0.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot, startService } from '../../scripts/lib/spawn-service';
import { call, freshMobile, startPlatforms, type Platforms } from './testing/harness';

let platforms: Platforms;

beforeAll(async () => {
  platforms = await startPlatforms();
});

afterAll(async () => {
  await platforms?.stop();
});

function bffEnv(): NodeJS.ProcessEnv {
  return {
    PORT: '0',
    MONGODB_URI: `${platforms.devdb.uri.replace(/\/$/, '')}/bff_server_test`,
    PLATFORM_URL: platforms.sandbox.url,
    PLATFORM_KEY: platforms.sandbox.platformKey,
    DATA_DIR: path.join(require('node:os').tmpdir(), 'bianmin-bff-test'),
    LOG_LEVEL: 'warn',
  };
}

it('prints the ready line, finishes in-flight requests on SIGTERM and exits 0', async () => {
  const lines: string[] = [];
  const bff = await startService({
    name: 'bff',
    entry: 'bff/src/server.ts',
    // The SMS call is held 2.5 s below: the per-call timeout is raised so it is not what answers.
    env: { ...bffEnv(), PLATFORM_CALL_TIMEOUT_MS: '6000' },
    onLine: (line) => lines.push(line),
  });
  expect(bff.url).toMatch(/^http:\/\/localhost:\d+$/);
  expect((await call(bff.url, 'GET', '/api/readyz')).status).toBe(200);

  await call(platforms.sandbox.url, 'POST', '/sandbox/faults', { body: { service: 'sms', latencyMs: 2500 } });
  try {
    const inFlight = call(bff.url, 'POST', '/api/auth/sms-codes', { body: { mobile: freshMobile() } });
    // Long enough for the request to reach the BFF on a busy machine, well inside the held call.
    await new Promise((r) => setTimeout(r, 800));
    const exited = bff.stop('SIGTERM');
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.body.sentTo).toMatch(/^199\*{4}\d{4}$/);
    expect(await exited).toBe(0);
    await expect(fetch(`${bff.url}/api/healthz`)).rejects.toThrow();
  } finally {
    await call(platforms.sandbox.url, 'DELETE', '/sandbox/faults');
  }
  expect(lines.filter((l) => /\bready\b/.test(l))).toEqual([]);
});

function startWith(env: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, [require.resolve('tsx/cli'), path.join(repoRoot, 'bff/src/server.ts')], {
    env: { ...process.env, ...bffEnv(), ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

it('refuses to start with a bad environment, in Chinese and English', () => {
  const result = startWith({ PORT: 'not-a-port' });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('环境变量配置有误 / invalid environment');
  expect(result.stderr).toContain('PORT');
  const missing = startWith({ MONGODB_URI: '' });
  expect(missing.status).toBe(1);
  expect(missing.stderr).toContain('MONGODB_URI');
});
