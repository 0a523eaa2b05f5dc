// Test harness for BFF suites: devdb (memory) and the platform sandbox as child processes, and a
// BFF built with createApp in this process on a free port, its logs captured for inspection.
// Real TCP and HTTP everywhere; each suite stops what it started.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { Connection } from 'mongoose';
import { startDevdb, type RunningDevdb } from '../../test-support/devdb';
import { startSandbox, type RunningSandbox } from '../../test-support/sandbox';
import { createApp } from '../app';
import { loadConfig, type Config } from '../config';
import { createLogger } from '../core/logger';
import { createPlatform, type Platform } from '../platform';
import { ensureIndexes, openStore } from '../store';

export interface Platforms {
  devdb: RunningDevdb;
  sandbox: RunningSandbox;
  stop(): Promise<void>;
}

export async function startPlatforms(): Promise<Platforms> {
  const devdb = await startDevdb();
  try {
    const sandbox = await startSandbox({ mongodbUri: devdb.uri });
    return {
      devdb,
      sandbox,
      stop: async () => {
        await sandbox.stop();
        await devdb.stop();
      },
    };
  } catch (error) {
    await devdb.stop();
    throw error;
  }
}

export interface TestBff {
  url: string;
  config: Config;
  store: Connection;
  platform: Platform;
  /** Every log line written so far (raw JSON text). */
  logs: string[];
  stop(): Promise<void>;
}

let dbCounter = 0;

/** A BFF against the given platforms, with environment overrides (short lifetimes, small limits). */
export async function startBff(platforms: Platforms, env: Record<string, string> = {}): Promise<TestBff> {
  const dbUri = `${platforms.devdb.uri.replace(/\/$/, '')}/bff_${process.pid}_${Date.now()}_${dbCounter++}`;
  const config = loadConfig({
    MONGODB_URI: dbUri,
    PLATFORM_URL: platforms.sandbox.url,
    PLATFORM_KEY: platforms.sandbox.platformKey,
    DATA_DIR: path.join(os.tmpdir(), 'bianmin-bff-test'),
    LOG_LEVEL: 'debug',
    STATIC_DIR: path.join(os.tmpdir(), 'bianmin-no-static'),
    // Every request of a suite comes from 127.0.0.1: per-address limits are raised unless a test sets them.
    SMS_HOURLY_LIMIT_PER_IP: '1000',
    LOGIN_LIMIT_PER_IP_PER_MINUTE: '1000',
    ...env,
  });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) if (line) logs.push(line);
      done();
    },
  });
  const logger = createLogger(config.logLevel, sink);
  const store = await openStore(config.mongodbUri!);
  const platform = createPlatform(config, logger);
  const app = createApp({ config, store, logger, platform });
  await ensureIndexes(store);
  const server = http.createServer(app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    config,
    store,
    platform,
    logs,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await platform.close();
      await store.close();
    },
  };
}

export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** JSON over HTTP; `token` adds the bearer header. */
export async function call<T = any>(
  base: string,
  method: string,
  pathName: string,
  options: { body?: unknown; token?: string; headers?: Record<string, string>; raw?: string } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.body !== undefined || options.raw !== undefined) headers['content-type'] ??= 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(base + pathName, {
    method,
    headers,
    body: options.raw ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: body as T, headers: response.headers };
}

let mobileCounter = 0;

/** A mobile unrelated to the seeded people, different on every call (the SMS gateway allows one a minute). */
export function freshMobile(): string {
  mobileCounter += 1;
  const tail = String((process.pid * 7919 + Date.now() + mobileCounter * 104729) % 100_000_000).padStart(8, '0');
  return `199${tail}`;
}

export async function latestSmsCode(sandboxUrl: string, mobile: string): Promise<string> {
  const { body } = await call<{ messages: Array<{ code?: string }> }>(
    sandboxUrl,
    'GET',
    `/sandbox/sms/outbox?mobile=${mobile}`,
  );
  const code = body.messages.find((m) => m.code)?.code;
  if (!code) throw new Error(`no SMS code in the outbox for ${mobile}`);
  return code;
}

/** Requests a code, reads it from the sandbox outbox and logs in; returns the session answer. */
export async function loginBySms(bff: TestBff, sandboxUrl: string, mobile = freshMobile()) {
  const sent = await call(bff.url, 'POST', '/api/auth/sms-codes', { body: { mobile } });
  if (sent.status !== 200) throw new Error(`sms-codes answered ${sent.status} ${JSON.stringify(sent.body)}`);
  const code = await latestSmsCode(sandboxUrl, mobile);
  const login = await call(bff.url, 'POST', '/api/auth/sms-login', { body: { mobile, code, device: 'jest' } });
  if (login.status !== 200) throw new Error(`sms-login answered ${login.status} ${JSON.stringify(login.body)}`);
  return { mobile, token: login.body.token as string, body: login.body };
}

export interface Persona {
  key: string;
  name: string;
  idNumber: string;
  mobile: string;
  wechatOpenid?: string;
  status: string;
}

export async function personas(sandboxUrl: string): Promise<{ residents: Persona[]; staff: any[]; guides: any[] }> {
  return (await call(sandboxUrl, 'GET', '/sandbox/personas')).body;
}

/** A fresh SMS log-in raised to REAL_NAME as the given person; returns the session token. */
export async function realNameSession(bff: TestBff, sandboxUrl: string, person: { name: string; idNumber: string }) {
  const login = await loginBySms(bff, sandboxUrl);
  const verified = await call(bff.url, 'POST', '/api/identity/real-name', {
    token: login.token,
    body: { name: person.name, idNumber: person.idNumber },
  });
  if (verified.status !== 200)
    throw new Error(`real-name answered ${verified.status} ${JSON.stringify(verified.body)}`);
  return verified.body.token as string;
}

export interface HttpSuite {
  platforms: Platforms;
  bff: TestBff;
  /** The sandbox's demo residents. */
  people: Persona[];
  /** Guides and staff as the sandbox seeds them. */
  guides: any[];
  staff: any[];
  person(key: string): Persona;
}

/**
 * The usual frame of an HTTP test file: devdb, the sandbox and one BFF started before its tests
 * and stopped after them, with the demo people loaded. Read the fields inside tests and hooks.
 */
export function httpSuite(env: Record<string, string> = {}): HttpSuite {
  const suite = {
    people: [] as Persona[],
    guides: [] as any[],
    staff: [] as any[],
    person(key: string) {
      const found = suite.people.find((p) => p.key === key);
      if (!found) throw new Error(`no persona ${key}`);
      return found;
    },
  } as HttpSuite;
  beforeAll(async () => {
    suite.platforms = await startPlatforms();
    suite.bff = await startBff(suite.platforms, env);
    const all = await personas(suite.platforms.sandbox.url);
    Object.assign(suite, { people: all.residents, guides: all.guides, staff: all.staff });
  });
  afterAll(async () => {
    await suite.bff?.stop();
    await suite.platforms?.stop();
  });
  return suite;
}
