// "Let information run the errands": for each move-in category, one eligible demo person applies
// end to end through the BFF, and the report counts the materials the departments supplied
// (fetched with consent, with their trust levels) against those the applicant had to upload.
// Prints a table and one `BENCH {...}` line; exits 1 when a category could not be submitted or
// asked for an upload of a material the holding service had for that person (a 14-year-old has no
// ID card, so the child's ID card is rightly an upload).
// Run: `npx tsx tests/bench/materials.bench.ts` (or `npm run bench -- materials`).
import { createHash } from 'node:crypto';
import { makeIdNumber } from '../../bff/src/rules/id-number';
import { startStack } from '../../scripts/lib/stack';

async function call(url: string, method = 'GET', body?: unknown, headers: Record<string, string> = {}): Promise<any> {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${url} answered ${res.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

interface Person {
  name: string;
  idNumber: string;
}
interface Case {
  category: string;
  label: string;
  who: Person;
  input: Record<string, unknown>;
}

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1024, 32)]);

async function main(): Promise<void> {
  const stack = await startStack({ port: 0, logLevel: 'warn' });
  let failed = false;
  try {
    const api = stack.apiUrl.replace(/\/$/, '');
    const sandbox = stack.sandboxUrl!;
    const people: Array<Person & { key: string }> = (await call(`${sandbox}/sandbox/personas`)).residents;
    const p = (key: string) => people.find((r) => r.key === key)!;
    const child = { name: '陈浩然', idNumber: makeIdNumber('440106', '2012-07-21', 17) };
    const rel = (who: Person) => ({ relative: { name: who.name, idNumber: who.idNumber } });
    const cases: Case[] = [
      { category: 'PROPERTY', label: '购房落户', who: p('co-owner-b'), input: {} },
      { category: 'SPOUSE', label: '夫妻投靠', who: p('spouse-b'), input: rel(p('spouse-a')) },
      { category: 'ELDERLY_PARENT', label: '父母投靠子女', who: p('elder'), input: rel(p('mortgaged-owner')) },
      { category: 'CHILD', label: '子女投靠父母', who: child, input: rel(p('spouse-a')) },
      { category: 'TALENT', label: '人才/毕业生落户', who: p('graduate'), input: { destinationCity: '广州市' } },
      { category: 'EMPLOYMENT', label: '就业落户', who: p('no-property'), input: { destinationCity: '广州市' } },
    ];
    const rows: Array<{
      category: string;
      materials: number;
      fetched: number;
      uploaded: number;
      fetchedShare: number;
      trust: string;
      uploads: string;
      ms: number;
    }> = [];
    for (const c of cases) {
      const started = Date.now();
      const openid =
        'o' + createHash('sha256').update(`bench-materials:${c.who.idNumber}`).digest('base64url').slice(0, 27);
      const { code } = await call(`${sandbox}/sandbox/wechat/code`, 'POST', { openid });
      const login = await call(`${api}/auth/wechat-login`, 'POST', { code, device: 'bench' });
      const verified = await call(
        `${api}/identity/real-name`,
        'POST',
        { name: c.who.name, idNumber: c.who.idNumber },
        { authorization: `Bearer ${login.token}` },
      );
      const auth = { authorization: `Bearer ${verified.token}` };
      const eligibility = await call(`${api}/moves/eligibility`, 'POST', { category: c.category, ...c.input }, auth);
      if (!eligibility.eligible) throw new Error(`${c.label}: not eligible: ${eligibility.failing}`);
      const app = await call(
        `${api}/moves/applications`,
        'POST',
        { category: c.category, form: { ...c.input, contactMobile: '13900000099', promise: true } },
        auth,
      );
      for (const m of app.materials.filter((x: { mode: string }) => x.mode === 'upload')) {
        const res = await fetch(`${api}/moves/applications/${app.applicationId}/materials/${m.key}`, {
          method: 'PUT',
          headers: { ...auth, 'content-type': 'application/pdf' },
          body: PDF,
        });
        if (res.status !== 200) throw new Error(`${c.label}: upload ${m.key} answered ${res.status}`);
      }
      const done = await call(
        `${api}/moves/applications/${app.applicationId}/submit`,
        'POST',
        { consent: true },
        { ...auth, 'idempotency-key': `bench-${c.category}-0001` },
      );
      const fetched = done.materials.filter(
        (m: { mode: string; available: boolean }) => m.mode === 'fetch' && m.available,
      );
      const uploaded = done.materials.filter((m: { mode: string }) => m.mode === 'upload');
      // An upload of something the holding service had for this person defeats the whole idea.
      const held = new Set(
        eligibility.materials.filter((m: { available: boolean }) => m.available).map((m: { key: string }) => m.key),
      );
      const needless = uploaded.filter((m: { key: string }) => held.has(m.key));
      if (needless.length || done.status !== 'SUBMITTED') failed = true;
      rows.push({
        category: c.label,
        materials: done.materials.length,
        fetched: fetched.length,
        uploaded: uploaded.length,
        fetchedShare: Math.round((fetched.length / done.materials.length) * 100),
        trust: fetched.map((m: { trustLevel: string }) => m.trustLevel).join(''),
        uploads: uploaded.map((m: { name: string }) => m.name).join('、') || '-',
        ms: Date.now() - started,
      });
    }
    console.log('category (落户类别)   materials  fetched  uploaded  fetched%  trust   uploads');
    for (const r of rows) {
      console.log(
        `${String(r.category).padEnd(8, '　')} ${String(r.materials).padStart(9)} ${String(r.fetched).padStart(8)} ${String(r.uploaded).padStart(9)} ${String(r.fetchedShare).padStart(8)}%  ${String(r.trust).padEnd(6)}  ${r.uploads}`,
      );
    }
    const total = rows.reduce(
      (a, r) => ({ m: a.m + (r.materials as number), f: a.f + (r.fetched as number), u: a.u + (r.uploaded as number) }),
      { m: 0, f: 0, u: 0 },
    );
    console.log(
      `all categories: ${total.f} of ${total.m} materials fetched by the departments (${Math.round((total.f / total.m) * 100)}%), ${total.u} uploaded`,
    );
    console.log(`BENCH ${JSON.stringify({ bench: 'materials', rows, total })}`);
  } finally {
    await stack.stop();
  }
  if (failed) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
