// Identity: name + ID number matching against the population register, and face-check sessions.
// A valid checksum proves nothing by itself: only a record with the same name matches.
import { randomBytes } from 'node:crypto';
import { validateIdNumber } from '../../../../src/rules/id-number';
import { SandboxError } from '../../core/errors';
import type { Deps } from '../../core/deps';
import type { FaceSession, FaceStatus } from './model';

export const FACE_SESSION_MINUTES = 10;
const PURGE_AFTER_MS = 7 * 24 * 3600_000;

export type VerifyResult = { result: 'MATCH'; personId: string } | { result: 'MISMATCH' | 'NOT_FOUND' | 'CANCELLED' };

/** Names compare without surrounding spaces and with the two common middle-dot forms unified. */
const normaliseName = (name: string) => name.trim().replace(/[•・]/g, '·');

export function createIdentityService({ models, clock }: Deps) {
  function checkedIdNumber(raw: string): string {
    const parsed = validateIdNumber(raw, clock.now());
    if (!parsed.ok) throw new SandboxError(400, 'INVALID_ID_NUMBER', parsed.message, { reason: parsed.code });
    return parsed.value;
  }

  async function verify(name: string, rawIdNumber: string): Promise<VerifyResult> {
    const idNumber = checkedIdNumber(rawIdNumber);
    const person = await models.Resident.findOne({ idNumber }, { name: 1, status: 1 }).lean();
    if (!person) return { result: 'NOT_FOUND' };
    if (person.status === 'CANCELLED') return { result: 'CANCELLED' };
    if (normaliseName(person.name) !== normaliseName(name)) return { result: 'MISMATCH' };
    return { result: 'MATCH', personId: person._id };
  }

  function present(session: FaceSession) {
    const expired = session.status === 'PENDING' && session.expiresAt.getTime() <= clock.now().getTime();
    const status: FaceStatus = expired ? 'EXPIRED' : session.status;
    return {
      token: session._id,
      status,
      personId: session.personId,
      name: session.name,
      idNumber: session.idNumber,
      createdAt: session.createdAt.toISOString(),
      expiresAt: session.expiresAt.toISOString(),
      completedAt: session.completedAt ? session.completedAt.toISOString() : null,
    };
  }

  return {
    verify,

    async startFace(name: string, rawIdNumber: string, origin: string) {
      const match = await verify(name, rawIdNumber);
      if (match.result !== 'MATCH') {
        throw new SandboxError(422, 'IDENTITY_NOT_MATCHED', '姓名与身份证号不匹配或户籍状态异常，无法发起人脸核身', {
          result: match.result,
        });
      }
      const now = clock.now();
      const token = randomBytes(24).toString('base64url');
      const session = await models.FaceSession.create({
        _id: token,
        personId: match.personId,
        name: name.trim(),
        idNumber: checkedIdNumber(rawIdNumber),
        status: 'PENDING',
        createdAt: now,
        expiresAt: new Date(now.getTime() + FACE_SESSION_MINUTES * 60_000),
        completedAt: null,
        purgeAt: new Date(Date.now() + PURGE_AFTER_MS),
      });
      const { token: t, status, expiresAt } = present(session.toObject());
      return { token: t, status, expiresAt, h5Url: `${origin}/sandbox/face/${token}` };
    },

    async getFace(token: string) {
      const session = await models.FaceSession.findById(token).lean();
      if (!session) throw new SandboxError(404, 'FACE_SESSION_NOT_FOUND', '人脸核身会话不存在');
      return present(session);
    },

    /** Finishes a pending, unexpired session once (a conditional update, safe against double taps). */
    async completeFace(token: string, result: 'pass' | 'fail') {
      const now = clock.now();
      const updated = await models.FaceSession.findOneAndUpdate(
        { _id: token, status: 'PENDING', expiresAt: { $gt: now } },
        { $set: { status: result === 'pass' ? 'PASS' : 'FAIL', completedAt: now } },
        { new: true },
      ).lean();
      if (updated) return present(updated);
      const session = await models.FaceSession.findById(token).lean();
      if (!session) throw new SandboxError(404, 'FACE_SESSION_NOT_FOUND', '人脸核身会话不存在');
      if (session.status !== 'PENDING')
        throw new SandboxError(409, 'FACE_SESSION_COMPLETED', '该人脸核身已完成，不能重复提交');
      throw new SandboxError(409, 'FACE_SESSION_EXPIRED', '人脸核身已超时，请重新发起');
    },
  };
}
