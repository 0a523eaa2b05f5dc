// Real-name verification and the face check. The checksum is checked here first (a clear message
// and no attempt spent); the platform decides whether name and number match; a face check's
// result is always read from the platform by us, never taken from the client.
import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import type { Config } from '../../config';
import type { CallOptions } from '../../core/budget';
import { AppError, describeWait, errors } from '../../core/errors';
import type { Logger } from '../../core/logger';
import type { PiiCrypto } from '../../core/pii-crypto';
import { levelAtLeast, type AuthSession } from '../../core/principal';
import type { RateLimiter } from '../../core/rate-limit';
import { chinaDate, nextChinaMidnight } from '../../core/time';
import type { Platform } from '../../platform';
import { isPlatformFailure } from '../../platform/errors';
import { validateIdNumber } from '../../rules/id-number';
import { idNumberBoundElsewhere, type AccountService } from '../accounts/service';
import type { SessionService } from '../sessions/service';
import type { FaceCheckDoc, FaceCheckModel, FaceCheckStatus } from './model';

export interface IdentityServiceDeps {
  config: Pick<Config, 'limits' | 'sessions'>;
  limiter: RateLimiter;
  crypto: PiiCrypto;
  accounts: AccountService;
  sessions: SessionService;
  faceChecks: FaceCheckModel;
  platform: Pick<Platform, 'identity'>;
  logger: Logger;
}

/** A PASS must be claimed soon after the person did the check: liveness is about now. */
const PASS_CLAIM_WINDOW_MS = 10 * 60_000;
const FACE_STARTS_PER_DAY = 10;

const MISMATCH_CODES = {
  MISMATCH: 'IDENTITY_MISMATCH',
  NOT_FOUND: 'IDENTITY_NOT_FOUND',
  CANCELLED: 'IDENTITY_CANCELLED',
} as const;

function mismatchMessage(result: keyof typeof MISMATCH_CODES, remaining: number): string {
  const tail = remaining > 0 ? `（今日还可尝试 ${remaining} 次）` : '（今日尝试次数已用完，请明天再试）';
  if (result === 'MISMATCH') return `姓名与身份证号不一致，请核对后重试${tail}`;
  if (result === 'NOT_FOUND') return `未查询到该身份证号的登记信息，请核对后重试${tail}`;
  return `该身份证号已注销，无法完成实名认证，请到户籍窗口咨询${tail}`;
}

const FACE_MESSAGES: Record<FaceCheckStatus, string> = {
  PENDING: '人脸核验尚未完成',
  PASS: '人脸核验通过',
  FAIL: '人脸核验未通过，请重新核验',
  EXPIRED: '人脸核验已过期，请重新发起',
};

export class IdentityService {
  constructor(private readonly deps: IdentityServiceDeps) {}

  async verifyIdentity(
    session: AuthSession,
    input: { name: string; idNumber: string },
    call: CallOptions = {},
    now = new Date(),
  ) {
    const { accounts, limiter, config } = this.deps;
    const checked = validateIdNumber(input.idNumber, now);
    if (!checked.ok) throw new AppError(400, 'ID_NUMBER_INVALID', checked.message, { reason: checked.code });
    const idNumber = checked.value;
    const name = input.name.trim();

    if (await accounts.boundElsewhere(session.userId, idNumber)) throw idNumberBoundElsewhere();

    const limit = config.limits.identityDailyAttempts;
    const attemptKey = `identity:${session.userId}:${chinaDate(now)}`;
    const attempt = await limiter.consume(attemptKey, { limit, until: nextChinaMidnight(now) }, now);
    if (!attempt.allowed) {
      throw errors.rateLimited(
        'IDENTITY_ATTEMPTS_EXCEEDED',
        `今日实名认证尝试次数已用完，请 ${describeWait(attempt.retryAfterSeconds)}后再试`,
        attempt.retryAfterSeconds,
        { remainingAttempts: 0 },
      );
    }

    let answer;
    try {
      answer = await this.deps.platform.identity.verify(name, idNumber, call);
    } catch (error) {
      // The platform never answered: the attempt does not count against the resident.
      if (isPlatformFailure(error)) await limiter.refund(attemptKey, now);
      throw error;
    }
    if (answer.result === 'INVALID_ID_NUMBER') {
      await limiter.refund(attemptKey, now);
      throw new AppError(400, 'ID_NUMBER_INVALID', '身份证号不正确，请核对');
    }
    if (answer.result !== 'MATCH') {
      throw new AppError(422, MISMATCH_CODES[answer.result], mismatchMessage(answer.result, attempt.remaining), {
        remainingAttempts: attempt.remaining,
      });
    }

    const account = await accounts.bindIdentity(session.userId, { idNumber, name, personId: answer.personId }, now);
    const user = accounts.snapshot(account);
    const level = levelAtLeast(session.level, 'REAL_NAME') ? session.level : 'REAL_NAME';
    const issued = await this.deps.sessions.rotate(session.id, { level, user }, now);
    await this.deps.sessions.refreshUser(session.userId, user, 'REAL_NAME', now);
    return { token: issued.token, expiresAt: issued.expiresAt.toISOString(), user: issued.session.user };
  }

  async startFaceCheck(session: AuthSession, call: CallOptions = {}, now = new Date()) {
    const { accounts, limiter } = this.deps;
    const account = await accounts.get(session.userId);
    const identity = accounts.revealIdentity(account);
    if (!identity || !account.idNumberFingerprint) throw errors.levelRequired('REAL_NAME', '请先完成实名认证');

    const starts = await limiter.consume(
      `face:${session.userId}:${chinaDate(now)}`,
      { limit: FACE_STARTS_PER_DAY, until: nextChinaMidnight(now) },
      now,
    );
    if (!starts.allowed) {
      throw errors.rateLimited(
        'FACE_CHECK_RATE_LIMITED',
        `今日人脸核验次数已达上限，请 ${describeWait(starts.retryAfterSeconds)}后再试`,
        starts.retryAfterSeconds,
      );
    }

    const started = await this.deps.platform.identity.startFace(identity.name, identity.idNumber, call);
    if (!started.ok)
      throw new AppError(422, 'IDENTITY_NOT_MATCHED', '身份信息核验未通过，无法发起人脸核验，请到政务服务大厅办理');

    const expiresAt = parseDate(started.expiresAt) ?? new Date(now.getTime() + 10 * 60_000);
    const doc: FaceCheckDoc = {
      _id: randomBytes(18).toString('base64url'),
      userId: new Types.ObjectId(session.userId),
      platformTokenEnc: this.deps.crypto.encrypt(started.token),
      idNumberFingerprint: account.idNumberFingerprint,
      status: 'PENDING',
      createdAt: now,
      expiresAt,
      completedAt: null,
      consumedAt: null,
    };
    await this.deps.faceChecks.create(doc);
    return {
      faceCheckId: doc._id,
      status: 'PENDING' as const,
      h5Url: started.h5Url,
      expiresAt: expiresAt.toISOString(),
    };
  }

  async getFaceCheck(session: AuthSession, faceCheckId: string, call: CallOptions = {}, now = new Date()) {
    const { faceChecks } = this.deps;
    const record = await faceChecks.findOne({ _id: faceCheckId, userId: new Types.ObjectId(session.userId) }).lean();
    if (!record) throw new AppError(404, 'FACE_CHECK_NOT_FOUND', '未找到该人脸核验记录');

    if (record.status !== 'PENDING' || record.consumedAt) return this.present(record, session);

    const answer = await this.deps.platform.identity.getFace(this.deps.crypto.decrypt(record.platformTokenEnc), call);
    let status: FaceCheckStatus = answer?.status ?? 'EXPIRED';
    if (answer && this.deps.crypto.fingerprint(answer.idNumber.trim().toUpperCase()) !== record.idNumberFingerprint) {
      // Someone else's face session: never raise this account on it.
      this.deps.logger.warn({ faceCheckId, userId: session.userId }, 'face check belongs to a different ID number');
      status = 'FAIL';
    }
    const completedAt = parseDate(answer?.completedAt ?? undefined);
    if (status === 'PENDING' && record.expiresAt.getTime() <= now.getTime()) status = 'EXPIRED';
    if (status === 'PASS' && completedAt && now.getTime() - completedAt.getTime() > PASS_CLAIM_WINDOW_MS)
      status = 'EXPIRED';

    if (status === 'PENDING') return this.present(record, session);
    if (status !== 'PASS') {
      const updated = await faceChecks
        .findOneAndUpdate(
          { _id: record._id, status: 'PENDING' },
          { $set: { status, completedAt: completedAt ?? now } },
          { returnDocument: 'after' },
        )
        .lean();
      return this.present(updated ?? { ...record, status }, session);
    }

    // PASS: the first read that wins this conditional update raises its session, once.
    const claimed = await faceChecks
      .findOneAndUpdate(
        { _id: record._id, status: 'PENDING', consumedAt: null },
        { $set: { status: 'PASS', completedAt: completedAt ?? now, consumedAt: now } },
        { returnDocument: 'after' },
      )
      .lean();
    if (!claimed) {
      const latest = await faceChecks.findById(record._id).lean();
      return this.present(latest ?? record, session);
    }
    const faceCheckedUntil = new Date(now.getTime() + this.deps.config.sessions.faceCheckedSeconds * 1000);
    const issued = await this.deps.sessions.rotate(session.id, { level: 'FACE_CHECKED', faceCheckedUntil }, now);
    return {
      faceCheckId: record._id,
      status: 'PASS' as const,
      token: issued.token,
      expiresAt: issued.expiresAt.toISOString(),
      faceCheckedUntil: faceCheckedUntil.toISOString(),
      message: FACE_MESSAGES.PASS,
    };
  }

  private present(record: Pick<FaceCheckDoc, '_id' | 'status'>, session: AuthSession) {
    return {
      faceCheckId: record._id,
      status: record.status,
      ...(record.status === 'PASS' && session.faceCheckedUntil
        ? { faceCheckedUntil: session.faceCheckedUntil.toISOString() }
        : {}),
      message: FACE_MESSAGES[record.status],
    };
  }
}

function parseDate(value: string | undefined | null): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
