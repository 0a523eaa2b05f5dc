// Booking under a rush: 2,000 distinct real-name residents (seeded people, logged in through the
// BFF and verified by name and ID number) try to book one slot with 50 seats at the same moment.
// Expected: exactly 50 confirmed, 1,950 clear "full" answers (409 SLOT_FULL), no 5xx; the hall
// service agrees (50 booked, 0 remaining). Prints the latency figures and one `BENCH {...}` line.
// Run: `npx tsx tests/bench/booking.bench.ts` (or `npm run bench -- booking`).
import { createHash } from 'node:crypto';
import { startStack } from '../../scripts/lib/stack';

const RESIDENTS = Number(process.env.BENCH_RESIDENTS ?? 2000);
const SEATS = 50;
const SETUP_CONCURRENCY = 32;
const HALL = 'HALL-GZ-01';
const ITEM = 'HJ-QR-GF';

interface Answer {
  status: number;
  body: any;
  ms: number;
}

async function call(
  url: string,
  method = 'GET',
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const started = performance.now();
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const ms = performance.now() - started;
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // keep the text
  }
  return { status: res.status, body: parsed, ms };
}

async function must(url: string, method = 'GET', body?: unknown, headers: Record<string, string> = {}): Promise<any> {
  const answer = await call(url, method, body, headers);
  if (answer.status >= 300)
    throw new Error(`${method} ${url} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** Runs `work` over `items` with at most `limit` in flight. */
async function pool<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i], i);
      }
    }),
  );
  return results;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const openidOf = (personId: string) =>
  'o' + createHash('sha256').update(`bench:${personId}`).digest('base64url').slice(0, 27);

async function main(): Promise<void> {
  const started = Date.now();
  const stack = await startStack({
    port: 0,
    logLevel: 'warn',
    // The log-in limits per IP guard real traffic; here every resident comes from one address.
    // The budgets are raised so a 2-core machine queueing 2,000 requests answers instead of 504.
    bffEnv: {
      LOGIN_LIMIT_PER_IP_PER_MINUTE: '1000000',
      SMS_HOURLY_LIMIT_PER_IP: '1000000',
      PLATFORM_REQUEST_BUDGET_MS: '60000',
      PLATFORM_CALL_TIMEOUT_MS: '60000',
    },
  });
  try {
    const api = stack.apiUrl.replace(/\/$/, '');
    const sandbox = stack.sandboxUrl!;
    const { residents, total } = await must(`${sandbox}/sandbox/residents?limit=${RESIDENTS}&status=ACTIVE`);
    if (residents.length < RESIDENTS) throw new Error(`only ${residents.length} of ${total} active residents seeded`);

    // Every resident logs in (WeChat code through the sandbox) and verifies name + ID number.
    const setupStarted = Date.now();
    const tokens = await pool(
      residents as Array<{ _id: string; name: string; idNumber: string }>,
      SETUP_CONCURRENCY,
      async (person) => {
        const { code } = await must(`${sandbox}/sandbox/wechat/code`, 'POST', { openid: openidOf(person._id) });
        const login = await must(`${api}/auth/wechat-login`, 'POST', { code });
        const verified = await must(
          `${api}/identity/real-name`,
          'POST',
          { name: person.name, idNumber: person.idNumber },
          { authorization: `Bearer ${login.token}` },
        );
        return verified.token as string;
      },
    );
    const setupSeconds = (Date.now() - setupStarted) / 1000;
    console.log(`${tokens.length} residents logged in and verified in ${setupSeconds.toFixed(1)} s`);

    // The first open slot two days or more ahead, set to 50 seats.
    const slots = await must(`${api}/halls/${HALL}/slots?itemCode=${ITEM}`);
    const slot = slots.days
      .slice(2)
      .flatMap((d: any) => d.slots)
      .find((s: any) => s.bookable);
    if (!slot) throw new Error('no bookable slot found');
    await must(`${sandbox}/sandbox/halls/${HALL}/slots/${slot.slotId}/capacity`, 'PUT', { capacity: SEATS });

    // The rush: every request is started before any answer is awaited.
    const rushStarted = performance.now();
    const answers = await Promise.all(
      tokens.map((token, i) =>
        call(
          `${api}/appointments`,
          'POST',
          { hallId: HALL, itemCode: ITEM, slotId: slot.slotId },
          { authorization: `Bearer ${token}`, 'idempotency-key': `bench-${i}-tap-0001` },
        ).catch((error: unknown): Answer => ({ status: 0, body: String(error), ms: performance.now() - rushStarted })),
      ),
    );
    const rushMs = performance.now() - rushStarted;

    const confirmed = answers.filter((a) => a.status === 201).length;
    const full = answers.filter(
      (a) => a.status === 409 && a.body?.error?.code === 'SLOT_FULL' && /约满/.test(a.body.error.message),
    ).length;
    const serverErrors = answers.filter((a) => a.status >= 500).length;
    const networkErrors = answers.filter((a) => a.status === 0).length;
    const other = answers.length - confirmed - full - serverErrors - networkErrors;
    const latencies = answers.map((a) => a.ms).sort((x, y) => x - y);
    const after = await must(
      `${api}/halls/${HALL}/slots?from=${slot.startsAt.slice(0, 10)}&to=${slot.startsAt.slice(0, 10)}`,
    );
    const seen = after.days.flatMap((d: any) => d.slots).find((s: any) => s.slotId === slot.slotId);
    const samples = [
      ...new Set(
        answers
          .filter((a) => a.status !== 201 && !(a.status === 409 && a.body?.error?.code === 'SLOT_FULL'))
          .map((a) => `${a.status} ${JSON.stringify(a.body).slice(0, 160)}`),
      ),
    ].slice(0, 5);

    const figures = {
      bench: 'booking',
      attempts: answers.length,
      seats: SEATS,
      confirmed,
      full,
      serverErrors,
      networkErrors,
      other,
      slotRemainingAfter: seen?.remaining ?? null,
      p50Ms: Math.round(percentile(latencies, 50)),
      p99Ms: Math.round(percentile(latencies, 99)),
      maxMs: Math.round(latencies[latencies.length - 1]),
      rushSeconds: Number((rushMs / 1000).toFixed(2)),
      setupSeconds: Number(setupSeconds.toFixed(1)),
      totalSeconds: Number(((Date.now() - started) / 1000).toFixed(1)),
      ok:
        confirmed === SEATS &&
        full === answers.length - SEATS &&
        serverErrors === 0 &&
        networkErrors === 0 &&
        seen?.remaining === 0,
    };
    console.log(
      `confirmed ${confirmed} / full ${full} / 5xx ${serverErrors} / network ${networkErrors} / other ${other}`,
    );
    if (samples.length) console.log(`unexpected answers: ${samples.join(' | ')}`);
    console.log(
      `latency p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, max ${figures.maxMs} ms; rush ${figures.rushSeconds} s`,
    );
    console.log(`BENCH ${JSON.stringify(figures)}`);
    process.exitCode = figures.ok ? 0 : 1;
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
