// Identity service: name + ID number matching, and the face (liveness) check sessions whose
// result we always read back from the platform ourselves.
import { z } from 'zod';
import type { CallOptions } from '../core/budget';
import type { PlatformHttp } from './http';
import { parseAnswer, unexpectedStatus } from './parse';

const SERVICE = 'identity';

export type VerifyResult = 'MATCH' | 'MISMATCH' | 'NOT_FOUND' | 'CANCELLED';

const verifyAnswer = z.object({
  result: z.enum(['MATCH', 'MISMATCH', 'NOT_FOUND', 'CANCELLED']),
  personId: z.string().optional(),
});

const faceStarted = z.object({
  token: z.string().min(1),
  status: z.literal('PENDING'),
  expiresAt: z.string(),
  h5Url: z.string(),
});

export type FaceStatus = 'PENDING' | 'PASS' | 'FAIL' | 'EXPIRED';

const faceSession = z.object({
  token: z.string(),
  status: z.enum(['PENDING', 'PASS', 'FAIL', 'EXPIRED']),
  idNumber: z.string(),
  name: z.string().optional(),
  completedAt: z.string().nullable().optional(),
});

export type FaceSession = z.output<typeof faceSession>;

export class IdentityClient {
  constructor(private readonly http: PlatformHttp) {}

  async verify(
    name: string,
    idNumber: string,
    call: CallOptions = {},
  ): Promise<{ result: VerifyResult | 'INVALID_ID_NUMBER'; personId?: string }> {
    const what = 'identity verify';
    const res = await this.http.request(SERVICE, {
      method: 'POST',
      path: '/v1/identity/verify',
      body: { name, idNumber },
      deadline: call.deadline,
    });
    if (res.status === 200) return parseAnswer(SERVICE, what, verifyAnswer, res.body);
    if (res.status === 400 && errorCode(res.body) === 'INVALID_ID_NUMBER') return { result: 'INVALID_ID_NUMBER' };
    throw unexpectedStatus(SERVICE, what, res);
  }

  async startFace(
    name: string,
    idNumber: string,
    call: CallOptions = {},
  ): Promise<({ ok: true } & z.output<typeof faceStarted>) | { ok: false; reason: 'NOT_MATCHED' }> {
    const what = 'face start';
    const res = await this.http.request(SERVICE, {
      method: 'POST',
      path: '/v1/identity/face/sessions',
      body: { name, idNumber },
      deadline: call.deadline,
    });
    if (res.status === 200 || res.status === 201)
      return { ok: true, ...parseAnswer(SERVICE, what, faceStarted, res.body) };
    if (res.status === 422) return { ok: false, reason: 'NOT_MATCHED' };
    throw unexpectedStatus(SERVICE, what, res);
  }

  async getFace(token: string, call: CallOptions = {}): Promise<FaceSession | null> {
    const what = 'face result';
    const res = await this.http.request(SERVICE, {
      method: 'GET',
      path: `/v1/identity/face/sessions/${encodeURIComponent(token)}`,
      deadline: call.deadline,
    });
    if (res.status === 200) return parseAnswer(SERVICE, what, faceSession, res.body);
    if (res.status === 404) return null;
    throw unexpectedStatus(SERVICE, what, res);
  }
}

function errorCode(body: unknown): string | undefined {
  const code = (body as { error?: { code?: unknown } } | undefined)?.error?.code;
  return typeof code === 'string' ? code : undefined;
}
