// getMe throughput: the real BFF (session looked up in devdb on every request) beside baselines
// without the look-up, all child processes on this machine, measured in the same run with
// autocannon at 64 and 256 connections, the targets taking turns in short slices:
// - "bare": a bare Koa handler giving the same answer, byte for byte in length: getMe's JSON and
//   the headers the BFF puts on every API answer (a fresh request id, the security headers), and
//   nothing else (no logging, CORS, routing, token hashing, validation, store). This is the goal's
//   baseline: with the same bytes on the wire, the client's share of this shared machine is the
//   same for both, and the ratio measures what the BFF's own work costs.
// - "bareBody": the same handler without those headers (the JSON only), for reference;
// - "sameStack": the BFF itself, built and started exactly as server.ts does, except that the
//   session is held in memory after its first look-up: the same work minus the session look-up.
// getMe / bare says what the whole BFF costs; getMe / sameStack what the look-up costs.
// Prints the figures, the ratios (goal: at least 0.6 against "bare") and one final `BENCH {...}`
// JSON line. Run: `npx tsx tests/bench/getme.bench.ts` (or `npm run bench -- getme`).
// The same file, started with `--bare`, `--bare-body` or `--same-stack`, is one of the baselines.
import autocannon from 'autocannon';
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { MongoClient } from 'mongodb';
import { startStack } from '../../scripts/lib/stack';
import { startService } from '../../scripts/lib/spawn-service';
import { API_HEADERS } from '../../bff/src/core/security-headers';

// Each target is measured in ROUNDS slices of SLICE_S seconds, the targets taking turns, so that
// a burst of load from a neighbour on this shared machine falls on all of them rather than on one.
const ROUNDS = 4;
const SLICE_S = 3;
// Long enough for both servers to be JIT-compiled: the BFF has much more code on its hot path.
const WARMUP_S = 5;
const CONNECTIONS = [64, 256];
const GOAL = 0.6;

/**
 * A bare Koa handler answering getMe's shape for any bearer header, no store involved; with
 * `headers`, it also sends a fresh request id and the API security headers, as the BFF does.
 */
async function bareServer(headers: boolean): Promise<void> {
  const { default: Koa } = await import('koa');
  const app = new Koa();
  app.use(async (ctx) => {
    if (ctx.path !== '/api/me') {
      ctx.status = 404;
      return;
    }
    if (headers) {
      ctx.set('X-Request-Id', randomUUID());
      ctx.set(API_HEADERS);
    }
    if (!/^Bearer \S+$/.test(ctx.get('authorization'))) {
      ctx.status = 401;
      ctx.body = { error: { code: 'UNAUTHENTICATED', message: '请先登录' } };
      return;
    }
    ctx.body = {
      user: {
        id: '665f1c2e9b1e8a0012345678',
        role: 'resident',
        level: 'LOGGED_IN',
        mobileMasked: '199****1234',
        nameMasked: null,
        idNumberMasked: null,
      },
      session: { level: 'LOGGED_IN', role: 'resident', expiresAt: new Date(Date.now() + 1_800_000).toISOString() },
    };
  });
  const server = http.createServer(app.callback());
  server.keepAliveTimeout = 65_000;
  server.listen(0, '127.0.0.1', () => {
    process.stdout.write(`bare ready http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
  });
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}

/** The BFF with SessionService.resolve answering from memory after the first look-up per token. */
async function sameStackServer(): Promise<void> {
  const { SessionService } = await import('../../bff/src/modules/sessions/service');
  const lookUp = SessionService.prototype.resolve;
  const held = new Map<string, Awaited<ReturnType<typeof lookUp>>>();
  SessionService.prototype.resolve = async function heldSession(token: string) {
    let outcome = held.get(token);
    if (!outcome) {
      outcome = await lookUp.call(this, token);
      held.set(token, outcome);
    }
    return outcome;
  };
  await import('../../bff/src/server');
}

interface Figures {
  rps: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/** Slices of one target joined: requests over the whole time, the median slice's p99. */
function joined(slices: (Figures & { requests: number })[], seconds: number): Figures {
  const p99s = slices.map((slice) => slice.p99).sort((a, b) => a - b);
  return {
    rps: Math.round(slices.reduce((sum, slice) => sum + slice.requests, 0) / seconds),
    p99: p99s[Math.floor(p99s.length / 2)],
    non2xx: slices.reduce((sum, slice) => sum + slice.non2xx, 0),
    errors: slices.reduce((sum, slice) => sum + slice.errors, 0),
  };
}

async function measure(
  url: string,
  token: string,
  connections: number,
  duration: number,
): Promise<Figures & { requests: number }> {
  const result = await autocannon({
    url,
    connections,
    duration,
    headers: { authorization: `Bearer ${token}` },
  });
  return {
    rps: Math.round(result.requests.average),
    requests: result.requests.total,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/**
 * What one store read per request would allow: the same primary-key findOne of the session,
 * straight from the driver with `inFlight` queries outstanding, no HTTP at all. getMe goes past
 * it because the requests of a few event-loop turns share one read.
 */
async function storeCeiling(uri: string, token: string, inFlight: number, seconds: number): Promise<number> {
  const client = await MongoClient.connect(uri, { maxPoolSize: inFlight });
  try {
    const sessions = client.db().collection<{ _id: string }>('sessions');
    const id = createHash('sha256').update(token).digest('hex');
    if (!(await sessions.findOne({ _id: id }))) throw new Error('session not found by its hash');
    let done = 0;
    const until = Date.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (Date.now() < until) {
          await sessions.findOne({ _id: id });
          done++;
        }
      }),
    );
    return Math.round(done / seconds);
  } finally {
    await client.close();
  }
}

async function json(url: string, init: RequestInit = {}): Promise<any> {
  const res = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...(init.headers ?? {}) } });
  const body = await res.json();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url} answered ${res.status}: ${JSON.stringify(body)}`);
  return body;
}

async function main(): Promise<void> {
  const started = Date.now();
  // Access logs off for both sides (LOG_LEVEL=warn): the figure is the request path, not log I/O.
  // With MONGODB_URI set, the sessions live in that server instead of devdb (for comparison).
  const stack = await startStack({ port: 0, logLevel: 'warn', mongodbUri: process.env.MONGODB_URI || undefined });
  const bare = await startService({ name: 'bare-koa', entry: 'tests/bench/getme.bench.ts', args: ['--bare'] });
  const bareBody = await startService({
    name: 'bare-koa-body',
    entry: 'tests/bench/getme.bench.ts',
    args: ['--bare-body'],
  });
  const sameStack = await startService({
    name: 'same-stack',
    entry: 'tests/bench/getme.bench.ts',
    args: ['--same-stack'],
    env: {
      PORT: '0',
      MONGODB_URI: stack.mongodbUri,
      PLATFORM_URL: stack.sandboxUrl,
      PLATFORM_KEY: stack.platformKey,
      LOG_LEVEL: 'warn',
    },
  });
  try {
    const mobile = `199${String(Date.now() % 100_000_000).padStart(8, '0')}`;
    await json(`${stack.apiUrl}/auth/sms-codes`, { method: 'POST', body: JSON.stringify({ mobile }) });
    const outbox = await json(`${stack.sandboxUrl}/sandbox/sms/outbox?mobile=${mobile}`);
    const code = outbox.messages[0].code;
    const login = await json(`${stack.apiUrl}/auth/sms-login`, {
      method: 'POST',
      body: JSON.stringify({ mobile, code, device: 'bench' }),
    });
    const token: string = login.token;
    const me = await json(`${stack.apiUrl}/me`, { headers: { authorization: `Bearer ${token}` } });
    if (me.user.id !== login.user.id) throw new Error('getMe did not answer the logged-in user');

    const sameStackMe = await json(`${sameStack.url.replace(/\/$/, '')}/api/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (sameStackMe.user.id !== login.user.id) throw new Error('the same-stack baseline did not answer the user');

    const targets = {
      getMe: `${stack.apiUrl}/me`,
      sameStack: `${sameStack.url.replace(/\/$/, '')}/api/me`,
      bare: `${bare.url.replace(/\/$/, '')}/api/me`,
      bareBody: `${bareBody.url.replace(/\/$/, '')}/api/me`,
    };
    const names = Object.keys(targets);
    const results: Record<string, Record<number, Figures>> = Object.fromEntries(names.map((name) => [name, {}]));
    for (const connections of CONNECTIONS) {
      for (const url of Object.values(targets)) await measure(url, token, connections, WARMUP_S);
      const slices: Record<string, (Figures & { requests: number })[]> = Object.fromEntries(
        names.map((name) => [name, []]),
      );
      for (let round = 0; round < ROUNDS; round++) {
        for (const [name, url] of Object.entries(targets))
          slices[name].push(await measure(url, token, connections, SLICE_S));
      }
      for (const name of Object.keys(targets)) {
        const figures = joined(slices[name], ROUNDS * SLICE_S);
        results[name][connections] = figures;
        console.log(
          `${name.padEnd(9)} ${String(connections).padStart(3)} connections: ${String(figures.rps).padStart(6)} req/s, p99 ${figures.p99} ms` +
            (figures.non2xx || figures.errors ? `, non-2xx ${figures.non2xx}, errors ${figures.errors}` : ''),
        );
      }
    }
    const ceiling = await storeCeiling(stack.mongodbUri, token, 64, 4);
    console.log(
      `store, one read per request: ${ceiling} session findOne/s straight from the driver (64 in flight); getMe shares reads between requests`,
    );
    const ratio = (baseline: string, connections: number) =>
      Math.round((results.getMe[connections].rps / results[baseline][connections].rps) * 100) / 100;
    const ratios: Record<number, number> = {};
    const bodyOnlyRatios: Record<number, number> = {};
    const lookUpRatios: Record<number, number> = {};
    for (const connections of CONNECTIONS) {
      ratios[connections] = ratio('bare', connections);
      bodyOnlyRatios[connections] = ratio('bareBody', connections);
      lookUpRatios[connections] = ratio('sameStack', connections);
      console.log(
        `ratio getMe / bare Koa (same answer) at ${connections} connections: ${ratios[connections]} (goal >= ${GOAL})`,
      );
      console.log(`ratio getMe / bare Koa (JSON only) at ${connections} connections: ${bodyOnlyRatios[connections]}`);
      console.log(
        `ratio getMe / same stack without the look-up at ${connections} connections: ${lookUpRatios[connections]}`,
      );
    }
    const failures = Object.values(results.getMe).reduce((n, f) => n + f.non2xx + f.errors, 0);
    const report = {
      bench: 'getme',
      durationSeconds: ROUNDS * SLICE_S,
      rounds: ROUNDS,
      getMe: results.getMe,
      bareKoa: results.bare,
      bareKoaJsonOnly: results.bareBody,
      sameStackWithoutLookUp: results.sameStack,
      storeFindOnePerSecond: ceiling,
      ratio: ratios,
      ratioJsonOnly: bodyOnlyRatios,
      lookUpRatio: lookUpRatios,
      goal: GOAL,
      meetsGoal: Object.values(ratios).every((r) => r >= GOAL),
      store: process.env.MONGODB_URI ? 'MONGODB_URI' : 'devdb',
      getMeFailures: failures,
      elapsedSeconds: Math.round((Date.now() - started) / 1000),
    };
    console.log(`BENCH ${JSON.stringify(report)}`);
    if (failures > 0) process.exitCode = 1;
  } finally {
    await bare.stop();
    await bareBody.stop();
    await sameStack.stop();
    await stack.stop();
  }
}

if (process.argv.includes('--bare')) {
  void bareServer(true);
} else if (process.argv.includes('--bare-body')) {
  void bareServer(false);
} else if (process.argv.includes('--same-stack')) {
  void sameStackServer();
} else {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  });
}
