// Certificates over real HTTP (devdb + sandbox as child processes, the BFF in this process):
// listing across registries, the cross-user access matrix, co-owners, reveal after a face
// check, show codes (single use, a 300-second life), the access record, and masking on every answer.
import { call as rawCall, httpSuite, freshMobile, loginBySms, type Answer, type Persona } from '../../testing/harness';
import { faceCheck, PiiScanner, signIn, type Resident } from './testing';

const suite = httpSuite();
let scanner: PiiScanner;

let owner: Resident; // 陈志强: a mortgaged flat, ID card, household register, marriage
let coA: Resident; // 林晓燕 and
let coB: Resident; // 黄建明 share one flat
let stranger: Resident; // 李明: no property
let verifierToken: string; // a logged-in person with no real name: a bank clerk, a landlord

/** Every BFF answer goes through the masking scan unless a reveal by `allowed` is expected. */
async function api(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; allowed?: Persona } = {},
): Promise<Answer> {
  const answer = await rawCall(suite.bff.url, method, path, options);
  scanner.check(answer, options.allowed);
  return answer;
}

const list = (r: Resident) => api('GET', '/api/certificates', { token: r.token });
const idsOf = async (r: Resident) => ((await list(r)).body.items as Array<{ id: string }>).map((i) => i.id);

beforeAll(async () => {
  scanner = new PiiScanner(suite.people);
  const url = suite.platforms.sandbox.url;
  [owner, coA, coB, stranger] = await Promise.all(
    ['mortgaged-owner', 'co-owner-a', 'co-owner-b', 'no-property'].map((k) => signIn(suite.bff, url, suite.person(k))),
  );
  verifierToken = (await loginBySms(suite.bff, url, freshMobile())).token;
});

describe('listCertificates', () => {
  it('lists titles and licences of the resident in one answer, the mortgaged flat marked 抵押', async () => {
    const { status, body } = await list(owner);
    expect(status).toBe(200);
    expect(body.partial).toBe(false);
    expect(body.notices).toEqual([]);
    const flat = body.items.find((i: { id: string }) => i.id === 're_T9000001');
    expect(flat).toMatchObject({
      type: 'REAL_ESTATE_TITLE',
      status: 'MORTGAGED',
      statusText: '抵押',
      relation: 'OWNER',
      trustLevel: 'A',
    });
    expect(flat.number).toMatch(/^粤\(2019\)广州市不动产权第\d{7}号$/);
    const types = body.items.map((i: { type: string }) => i.type);
    expect(types).toEqual(expect.arrayContaining(['ID_CARD', 'HOUSEHOLD_REGISTER', 'MARRIAGE']));
    // Grouped order: titles first.
    expect(types[0]).toBe('REAL_ESTATE_TITLE');
    const idCard = body.items.find((i: { type: string }) => i.type === 'ID_CARD');
    expect(idCard.number).toBe(`${owner.persona.idNumber.slice(0, 3)}***********${owner.persona.idNumber.slice(-4)}`);
    for (const item of body.items) expect(['A', 'B', 'C', 'D']).toContain(item.trustLevel);
  });

  it('needs a session, and a real name', async () => {
    expect((await api('GET', '/api/certificates')).status).toBe(401);
    const answer = await api('GET', '/api/certificates', { token: verifierToken });
    expect(answer.status).toBe(403);
    expect(answer.body.error).toMatchObject({ code: 'LEVEL_REQUIRED', requiredLevel: 'REAL_NAME' });
  });

  it('shows a shared title to both co-owners, each with their share', async () => {
    for (const r of [coA, coB]) {
      const { body } = await list(r);
      const shared = body.items.find((i: { id: string }) => i.id === 're_T9000002');
      expect(shared).toMatchObject({ relation: 'CO_OWNER', share: '50%', status: 'NORMAL', statusText: '正常' });
      const detail = await api('GET', '/api/certificates/re_T9000002', { token: r.token });
      expect(detail.status).toBe(200);
      const names = detail.body.fields.filter((f: { key: string }) => /^obligee\dName$/.test(f.key));
      expect(names).toHaveLength(2);
      expect(names.every((f: { masked: boolean }) => f.masked)).toBe(true);
      expect(names.some((f: { label: string }) => f.label.includes('本人'))).toBe(true);
    }
  });
});

describe('cross-user access matrix', () => {
  it('answers 404 for every certificate of someone else, whichever operation and whoever asks', async () => {
    const residents = [owner, coA, coB, stranger];
    const holdings = new Map<Resident, string[]>();
    for (const r of residents) holdings.set(r, await idsOf(r));
    // The shared title is held by both co-owners: it must not count as "someone else's" for them.
    expect(holdings.get(coA)).toContain('re_T9000002');
    expect(holdings.get(coB)).toContain('re_T9000002');
    const faceTokens = new Map<Resident, string>();
    for (const r of residents) faceTokens.set(r, await faceCheck(suite.bff, suite.platforms.sandbox.url, r));

    let refused = 0;
    for (const asker of residents) {
      const own = new Set(holdings.get(asker));
      for (const holder of residents) {
        if (holder === asker) continue;
        for (const id of holdings.get(holder)!) {
          if (own.has(id)) continue;
          const token = faceTokens.get(asker)!;
          for (const answer of [
            await api('GET', `/api/certificates/${id}`, { token }),
            await api('GET', `/api/certificates/${id}?reveal=true`, { token }),
            await api('POST', `/api/certificates/${id}/show-codes`, { token, body: {} }),
          ]) {
            expect(answer.status).toBe(404);
            expect(answer.body.error.code).toBe('CERTIFICATE_NOT_FOUND');
            refused += 1;
          }
        }
      }
    }
    expect(refused).toBeGreaterThan(30);
  });

  it('answers 404 to guessed ids next to real ones and to malformed ids alike', async () => {
    const own = new Set(await idsOf(stranger));
    const guesses = [
      're_T9000001',
      're_T9000003',
      're_T0000001',
      're_T0000002',
      'lic_L00000001',
      'lic_L00000002',
      'lic_L00000003',
      're_T9999999',
      'T9000001',
      'lic_../../x',
      '粤(2019)广州市',
    ];
    for (const id of guesses.filter((g) => !own.has(g))) {
      const answer = await api('GET', `/api/certificates/${encodeURIComponent(id)}`, { token: stranger.token });
      expect(answer.status).toBe(404);
      expect(answer.body.error.code).toBe('CERTIFICATE_NOT_FOUND');
    }
  });

  it('refuses every certificate operation without a session', async () => {
    for (const [method, path] of [
      ['GET', '/api/certificates'],
      ['GET', '/api/certificates/re_T9000001'],
      ['POST', '/api/certificates/re_T9000001/show-codes'],
      ['POST', '/api/show-code-verifications'],
      ['GET', '/api/certificate-access'],
    ]) {
      const answer = await api(method, path, { body: method === 'POST' ? { pin: '123456' } : undefined });
      expect(answer.status).toBe(401);
    }
  });
});

describe('detail and reveal', () => {
  it("masks the holder's own name and ID number until revealed, and reveal needs a face check", async () => {
    const fresh = await signIn(suite.bff, suite.platforms.sandbox.url, suite.person('spouse-a'));
    const ids = await idsOf(fresh);
    const marriage = ids.find((id) => id.startsWith('lic_'))!;
    const plain = await api('GET', `/api/certificates/${marriage}`, { token: fresh.token });
    expect(plain.status).toBe(200);
    expect(plain.body.revealed).toBe(false);
    const refused = await api('GET', `/api/certificates/${marriage}?reveal=true`, { token: fresh.token });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'LEVEL_REQUIRED', requiredLevel: 'FACE_CHECKED' });

    await faceCheck(suite.bff, suite.platforms.sandbox.url, fresh);
    for (const id of ids) {
      const revealed = await api('GET', `/api/certificates/${id}?reveal=true`, {
        token: fresh.token,
        allowed: fresh.persona,
      });
      expect(revealed.status).toBe(200);
      expect(revealed.body.revealed).toBe(true);
      const text = JSON.stringify(revealed.body);
      expect(text).toContain(fresh.persona.idNumber);
      // Other people on the holder's own certificate (a spouse) stay masked even then.
      const spouse = suite.person('spouse-b');
      expect(text).not.toContain(spouse.idNumber);
      expect(text).not.toContain(spouse.name);
    }
  });

  it('shows the mortgage on the mortgaged flat', async () => {
    const { body } = await api('GET', '/api/certificates/re_T9000001', { token: owner.token });
    expect(body.fields.find((f: { key: string }) => f.key === 'mortgagee').value).toContain('建设银行');
    expect(body.fields.filter((f: { section: string }) => f.section === 'mortgage').length).toBeGreaterThanOrEqual(3);
  });

  it('follows a status change made at the registry', async () => {
    const sealed = await rawCall(suite.platforms.sandbox.url, 'POST', '/sandbox/realestate/titles/T9000002/status', {
      body: { status: 'SEALED' },
    });
    expect(sealed.status).toBe(200);
    try {
      const { body } = await api('GET', '/api/certificates/re_T9000002', { token: coA.token });
      expect(body).toMatchObject({ status: 'SEALED', statusText: '查封', needsAttention: true });
    } finally {
      await rawCall(suite.platforms.sandbox.url, 'POST', '/sandbox/realestate/titles/T9000002/status', {
        body: { status: 'NORMAL' },
      });
    }
  });
});

let holder: Resident; // 欧阳秀英: shows her certificates

describe('show codes', () => {
  beforeAll(async () => {
    holder = await signIn(suite.bff, suite.platforms.sandbox.url, suite.person('elder'));
  });

  it('need a fresh face check', async () => {
    const answer = await api('POST', '/api/certificates/re_T9000004/show-codes', { token: holder.token, body: {} });
    expect(answer.status).toBe(403);
    expect(answer.body.error.requiredLevel).toBe('FACE_CHECKED');
  });

  it('live 300 seconds, carry a 6-digit PIN and a QR image, and verify once by PIN or code', async () => {
    await faceCheck(suite.bff, suite.platforms.sandbox.url, holder);
    const ids = await idsOf(holder);
    const idCard = (await list(holder)).body.items.find((i: { type: string }) => i.type === 'ID_CARD').id;
    expect(ids).toContain(idCard);

    const created = await api('POST', `/api/certificates/${idCard}/show-codes`, { token: holder.token, body: {} });
    expect(created.status).toBe(201);
    const code = created.body;
    expect(code.pin).toMatch(/^\d{6}$/);
    expect(code.ttlSeconds).toBe(300);
    expect(new Date(code.expiresAt).getTime() - new Date(code.createdAt).getTime()).toBe(300_000);
    expect(code.qrPayload).toBe(`BMSC1:${code.code}`);
    expect(code.qrImage).toMatch(/^data:image\/svg\+xml;base64,/);

    const verified = await api('POST', '/api/show-code-verifications', {
      token: verifierToken,
      body: { pin: code.pin },
    });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ authentic: true, authenticity: 'AUTHENTIC' });
    expect(verified.body.certificate).toMatchObject({ type: 'ID_CARD', trustLevel: 'A', status: 'VALID' });
    const holderName = verified.body.certificate.fields.find((f: { key: string }) => f.key === 'holderName');
    expect(holderName).toMatchObject({ value: '欧阳**', masked: true });

    for (const body of [{ pin: code.pin }, { code: code.code }, { code: code.qrPayload }]) {
      const again = await api('POST', '/api/show-code-verifications', { token: verifierToken, body });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('SHOW_CODE_USED');
    }
    // Nor can the holder or anyone else reuse it.
    const byOther = await api('POST', '/api/show-code-verifications', {
      token: stranger.token,
      body: { code: code.code },
    });
    expect(byOther.body.error.code).toBe('SHOW_CODE_USED');
  });

  it('verify a title by scanned code, showing its status to the verifying party', async () => {
    const created = await api('POST', '/api/certificates/re_T9000004/show-codes', { token: holder.token, body: {} });
    expect(created.status).toBe(201);
    const verified = await api('POST', '/api/show-code-verifications', {
      token: stranger.token,
      body: { code: created.body.qrPayload },
    });
    expect(verified.status).toBe(200);
    expect(verified.body.certificate).toMatchObject({
      type: 'REAL_ESTATE_TITLE',
      status: 'NORMAL',
      statusText: '正常',
    });
  });

  it('are used once even when two verifiers race', async () => {
    const created = await api('POST', '/api/certificates/re_T9000004/show-codes', { token: holder.token, body: {} });
    const answers = await Promise.all(
      [verifierToken, stranger.token, owner.token, coA.token].map((token) =>
        api('POST', '/api/show-code-verifications', { token, body: { code: created.body.code } }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409]);
  });

  it('reject unknown codes and PINs, and malformed input', async () => {
    const unknownPin = await api('POST', '/api/show-code-verifications', {
      token: verifierToken,
      body: { pin: '000000' },
    });
    expect([404, 409, 410]).toContain(unknownPin.status);
    const unknownCode = await api('POST', '/api/show-code-verifications', {
      token: verifierToken,
      body: { code: 'A'.repeat(32) },
    });
    expect(unknownCode.status).toBe(404);
    expect(unknownCode.body.error.code).toBe('SHOW_CODE_NOT_FOUND');
    for (const body of [{}, { pin: '12345' }, { pin: '123456', code: 'A'.repeat(32) }, { code: 'short' }]) {
      expect((await api('POST', '/api/show-code-verifications', { token: verifierToken, body })).status).toBe(400);
    }
  });
});

describe('access record', () => {
  it('lets the holder read who viewed their certificates, co-owners and verifiers included', async () => {
    const { status, body } = await api('GET', '/api/certificate-access?limit=100', { token: coA.token });
    expect(status).toBe(200);
    const entries = body.entries as Array<{
      action: string;
      certificateId: string | null;
      actor: string;
      relation: string;
    }>;
    expect(entries.some((e) => e.relation === 'SELF' && e.action === 'LIST')).toBe(true);
    // 黄建明 looked at the shared flat: 林晓燕 sees it, masked.
    expect(
      entries.some((e) => e.relation === 'CO_OWNER' && e.certificateId === 're_T9000002' && e.actor === '黄**'),
    ).toBe(true);

    const elderLog = (await api('GET', '/api/certificate-access?limit=100', { token: holder.token })).body
      .entries as typeof entries;
    expect(elderLog.filter((e) => e.action === 'VERIFIED' && e.relation === 'VERIFIER').length).toBeGreaterThanOrEqual(
      3,
    );
    expect(elderLog.some((e) => e.action === 'SHOW_CODE_CREATED' && e.relation === 'SELF')).toBe(true);
    // Failed guesses by others name nobody and never reach a holder's record.
    expect(elderLog.some((e) => e.action === 'NOT_FOUND')).toBe(false);
    for (const e of elderLog) expect(new Date((e as unknown as { at: string }).at).getTime()).not.toBeNaN();
  });

  it('pages newest first', async () => {
    const first = await api('GET', '/api/certificate-access?limit=2', { token: coA.token });
    expect(first.body.entries).toHaveLength(2);
    expect(first.body.nextBefore).not.toBeNull();
    const next = await api(
      'GET',
      `/api/certificate-access?limit=2&before=${encodeURIComponent(first.body.nextBefore)}`,
      { token: coA.token },
    );
    expect(new Date(next.body.entries[0].at).getTime()).toBeLessThan(new Date(first.body.entries[1].at).getTime());
  });
});

describe('personal data', () => {
  it('scanned every answer of this suite without finding a full ID number or name', () => {
    expect(scanner.scanned).toBeGreaterThan(60);
  });

  it('kept full ID numbers out of the BFF logs', () => {
    for (const p of suite.people) expect(suite.bff.logs.join('\n')).not.toContain(p.idNumber);
  });

  it('documents every certificate operation in OpenAPI', async () => {
    const doc = (await rawCall(suite.bff.url, 'GET', '/api/openapi.json')).body;
    const ids = Object.values(doc.paths).flatMap((item) =>
      Object.values(item as Record<string, { operationId: string }>).map((op) => op.operationId),
    );
    expect(ids).toEqual(
      expect.arrayContaining([
        'listCertificates',
        'getCertificate',
        'createShowCode',
        'verifyShowCode',
        'listCertificateAccess',
      ]),
    );
  });
});
