// Test helpers for the certificate suites: a resident signed in, real-name verified and (when
// asked) face-checked through the sandbox, and a scanner that fails on personal data in answers.
import { call, loginBySms, type Answer, type Persona, type TestBff } from '../../testing/harness';

export interface Resident {
  persona: Persona;
  token: string;
}

/** Logs a persona in by SMS and verifies their identity: the session is REAL_NAME. */
export async function signIn(bff: TestBff, sandboxUrl: string, persona: Persona): Promise<Resident> {
  const { token } = await loginBySms(bff, sandboxUrl, persona.mobile);
  const verified = await call(bff.url, 'POST', '/api/identity/real-name', {
    token,
    body: { name: persona.name, idNumber: persona.idNumber },
  });
  if (verified.status !== 200)
    throw new Error(`real-name answered ${verified.status} ${JSON.stringify(verified.body)}`);
  return { persona, token: verified.body.token };
}

/** Passes a face check in the sandbox and returns the raised (FACE_CHECKED) token. */
export async function faceCheck(bff: TestBff, sandboxUrl: string, resident: Resident): Promise<string> {
  const started = await call(bff.url, 'POST', '/api/identity/face-checks', { token: resident.token, body: {} });
  if (started.status !== 200 && started.status !== 201)
    throw new Error(`face start answered ${started.status} ${JSON.stringify(started.body)}`);
  const platformToken = String(started.body.h5Url).split('/').pop()!;
  const done = await call(sandboxUrl, 'POST', `/sandbox/face/${platformToken}/complete`, { body: { result: 'pass' } });
  if (done.status !== 200) throw new Error(`face complete answered ${done.status}`);
  const state = await call(bff.url, 'GET', `/api/identity/face-checks/${started.body.faceCheckId}`, {
    token: resident.token,
  });
  if (state.body.status !== 'PASS' || !state.body.token)
    throw new Error(`face check not passed: ${JSON.stringify(state.body)}`);
  resident.token = state.body.token;
  return state.body.token;
}

/**
 * Every answer is scanned for a full ID number or full name of any seeded persona; `allowed`
 * names the one person whose data may appear in full (a reveal by that person).
 */
export class PiiScanner {
  scanned = 0;
  constructor(private readonly people: Persona[]) {}

  check(answer: Answer, allowed?: Persona): void {
    const text = JSON.stringify(answer.body ?? '');
    this.scanned += 1;
    for (const p of this.people) {
      if (allowed && p.idNumber === allowed.idNumber) continue;
      if (text.includes(p.idNumber)) throw new Error(`full ID number of ${p.key} in an answer: ${text.slice(0, 300)}`);
      if (p.name.length >= 2 && text.includes(p.name))
        throw new Error(`full name of ${p.key} in an answer: ${text.slice(0, 300)}`);
    }
  }
}
