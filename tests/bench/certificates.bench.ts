// listCertificates with 50 ms injected into each registry: the two registries are called at the
// same time, so the answer should take about one registry's latency, not the sum. Four scenarios
// on one stack, same load (a closed loop of CONCURRENCY callers, scenarios taking turns): no fault; 50 ms on the
// real-estate registry only; 50 ms on the licence registry only; 50 ms on both. Target: p99 with
// both slow ≤ 1.2 × p99 with one slow (the slower of the two single cases). Prints figures and one `BENCH {...}` line; exits 1 when
// the target is missed.
// Run: `npx tsx tests/bench/certificates.bench.ts` (or `npm run bench -- certificates`).
import { createHash } from 'node:crypto';
import { startStack } from '../../scripts/lib/stack';

const RESIDENTS = 16;
// One request at a time by default: the question is whether the two registry calls of one request
// overlap, and on a small shared machine queueing behind other requests would swamp the tail.
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 1);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const ROUNDS = 10;
const LATENCY_MS = 50;
const TARGET_RATIO = 1.2;

async function must(url: string, method = 'GET', body?: unknown, headers: Record<string, string> = {}): Promise<any> {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${url} answered ${res.status}: ${text.slice(0, 200)}`);
  return text ? JSON.parse(text) : undefined;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const openidOf = (personId: string) =>
  'o' + createHash('sha256').update(`bench-certificates:${personId}`).digest('base64url').slice(0, 27);

interface Figures {
  p50: number;
  p90: number;
  p99: number;
  mean: number;
  partial: number;
  errors: number;
}

/** A closed loop: CONCURRENCY callers, each sending its next request when the last one answered. */
interface Tally {
  latencies: number[];
  partial: number;
  errors: number;
}

const emptyTally = (): Tally => ({ latencies: [], partial: 0, errors: 0 });

function figures(tally: Tally): Figures {
  const latencies = [...tally.latencies].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    p50: round(percentile(latencies, 50)),
    p90: round(percentile(latencies, 90)),
    p99: round(percentile(latencies, 99)),
    mean: round(latencies.reduce((a, b) => a + b, 0) / latencies.length),
    partial: tally.partial,
    errors: tally.errors,
  };
}

async function measure(api: string, tokens: string[], requests: number, tally: Tally = emptyTally()): Promise<Tally> {
  const { latencies } = tally;
  let sent = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, worker) => {
      while (sent < requests) {
        const i = sent++;
        const token = tokens[(i + worker) % tokens.length];
        const started = performance.now();
        const res = await fetch(`${api}/certificates`, { headers: { authorization: `Bearer ${token}` } });
        const body = (await res.json()) as { partial?: boolean };
        latencies.push(performance.now() - started);
        if (res.status !== 200) tally.errors++;
        else if (body.partial) tally.partial++;
      }
    }),
  );
  return tally;
}

async function main(): Promise<void> {
  const stack = await startStack({ port: 0, logLevel: 'warn', bffEnv: { LOGIN_LIMIT_PER_IP_PER_MINUTE: '100000' } });
  try {
    const api = stack.apiUrl.replace(/\/$/, '');
    const sandbox = stack.sandboxUrl!;
    const faults = (body?: unknown) =>
      body ? must(`${sandbox}/sandbox/faults`, 'POST', body) : must(`${sandbox}/sandbox/faults`, 'DELETE');
    const { residents } = await must(`${sandbox}/sandbox/residents?limit=${RESIDENTS}&status=ACTIVE`);
    const tokens: string[] = [];
    for (const person of residents as Array<{ _id: string; name: string; idNumber: string }>) {
      const { code } = await must(`${sandbox}/sandbox/wechat/code`, 'POST', { openid: openidOf(person._id) });
      const login = await must(`${api}/auth/wechat-login`, 'POST', { code });
      const verified = await must(
        `${api}/identity/real-name`,
        'POST',
        { name: person.name, idNumber: person.idNumber },
        { authorization: `Bearer ${login.token}` },
      );
      tokens.push(verified.token);
    }
    console.log(
      `${tokens.length} residents logged in and verified; ${REQUESTS} requests per scenario, ${CONCURRENCY} at a time`,
    );

    await faults();
    await measure(api, tokens, 100); // warm-up: connections, JIT, indexes
    const scenarios: Array<[string, unknown[]]> = [
      ['no fault', []],
      ['realestate +50 ms', [{ service: 'realestate', latencyMs: LATENCY_MS }]],
      ['licence +50 ms', [{ service: 'licence', latencyMs: LATENCY_MS }]],
      [
        'both +50 ms',
        [
          { service: 'realestate', latencyMs: LATENCY_MS },
          { service: 'licence', latencyMs: LATENCY_MS },
        ],
      ],
    ];
    // Scenarios take turns in rounds, so that a busy moment on a shared machine falls on all of them.
    const tallies = new Map(scenarios.map(([name]) => [name, emptyTally()]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, injected] of scenarios) {
        await faults();
        for (const fault of injected) await faults(fault);
        await measure(api, tokens, Math.ceil(REQUESTS / ROUNDS), tallies.get(name));
      }
    }
    const results: Record<string, Figures> = {};
    for (const [name] of scenarios) {
      results[name] = figures(tallies.get(name)!);
      const r = results[name];
      console.log(
        `${name.padEnd(18)} p50 ${r.p50} ms  p90 ${r.p90} ms  p99 ${r.p99} ms  mean ${r.mean} ms  partial ${r.partial}  errors ${r.errors}`,
      );
    }
    await faults();

    const single = Math.max(results['realestate +50 ms'].p99, results['licence +50 ms'].p99);
    const both = results['both +50 ms'].p99;
    const ratio = Math.round((both / single) * 1000) / 1000;
    // What a sequential implementation would need at least: the single case plus one more registry delay.
    const sequentialFloor = Math.round((single + LATENCY_MS) * 10) / 10;
    const p50Ratio =
      Math.round(
        (results['both +50 ms'].p50 / Math.max(results['realestate +50 ms'].p50, results['licence +50 ms'].p50)) * 1000,
      ) / 1000;
    const ok = ratio <= TARGET_RATIO && Object.values(results).every((r) => r.errors === 0 && r.partial === 0);
    console.log(
      `p99 both slow / p99 one slow = ${both} / ${single} = ${ratio} (target ≤ ${TARGET_RATIO}; sequential calls would need ≥ ${sequentialFloor} ms)`,
    );
    console.log(
      `BENCH ${JSON.stringify({ bench: 'certificates', latencyMs: LATENCY_MS, concurrency: CONCURRENCY, requests: REQUESTS, p50: Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.p50])), p99: Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.p99])), ratio, p50Ratio, target: TARGET_RATIO, ok })}`,
    );
    if (!ok) process.exitCode = 1;
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
