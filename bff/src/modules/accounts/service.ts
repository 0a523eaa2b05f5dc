// Accounts: find-or-create on log-in, bind a verified identity, read it back for the face check.
// Only masked values ever leave this module towards clients.
import { Types } from 'mongoose';
import { AppError } from '../../core/errors';
import type { PiiCrypto } from '../../core/pii-crypto';
import type { Role } from '../../core/principal';
import { maskIdNumber, maskMobile, maskName } from '../../rules/masking';
import type { UserSnapshot } from '../sessions/model';
import type { AccountDoc, AccountModel } from './model';

const DUPLICATE_KEY = 11000;

function isDuplicate(error: unknown, field?: string): boolean {
  const e = error as { code?: number; keyPattern?: Record<string, unknown>; message?: string };
  if (e?.code !== DUPLICATE_KEY) return false;
  if (!field) return true;
  return Boolean(e.keyPattern?.[field]) || (e.message ?? '').includes(field);
}

export class AccountService {
  constructor(
    private readonly model: AccountModel,
    private readonly crypto: PiiCrypto,
  ) {}

  /** The account of a mobile, created at first log-in; the role follows the staff directory. */
  async loginByMobile(mobile: string, role: Role, staffId: string | undefined, now = new Date()): Promise<AccountDoc> {
    const set: Record<string, unknown> = { role, lastLoginAt: now };
    const update: Record<string, unknown> = { $set: set, $setOnInsert: { createdAt: now } };
    if (staffId) set.staffId = staffId;
    else update.$unset = { staffId: '' };
    return this.upsert({ mobile }, update);
  }

  /** The account of a WeChat openid; the new session_key replaces the old one, encrypted. */
  async loginByWechat(
    openid: string,
    sessionKey: string,
    unionid: string | undefined,
    now = new Date(),
  ): Promise<AccountDoc> {
    const set: Record<string, unknown> = { wechatSessionKeyEnc: this.crypto.encrypt(sessionKey), lastLoginAt: now };
    if (unionid) set.wechatUnionid = unionid;
    return this.upsert({ wechatOpenid: openid }, { $set: set, $setOnInsert: { createdAt: now, role: 'resident' } });
  }

  async get(userId: string): Promise<AccountDoc> {
    const account = Types.ObjectId.isValid(userId) ? await this.model.findById(userId).lean() : null;
    if (!account) throw new AppError(401, 'UNAUTHENTICATED', '账号不存在，请重新登录');
    return account;
  }

  fingerprint(idNumber: string): string {
    return this.crypto.fingerprint(idNumber);
  }

  /** Another account already holding this ID number, if any (checked before spending an attempt). */
  async boundElsewhere(userId: string, idNumber: string): Promise<boolean> {
    const other = await this.model
      .findOne(
        { idNumberFingerprint: this.fingerprint(idNumber), _id: { $ne: new Types.ObjectId(userId) } },
        { _id: 1 },
      )
      .lean();
    return Boolean(other);
  }

  /**
   * Binds a matched identity to the account. One conditional update: it succeeds only when the
   * account holds no ID number or this same one; the unique fingerprint index refuses a number
   * bound to another account even when two requests race.
   */
  async bindIdentity(
    userId: string,
    identity: { idNumber: string; name: string; personId?: string },
    now = new Date(),
  ): Promise<AccountDoc> {
    const fingerprint = this.fingerprint(identity.idNumber);
    try {
      const updated = await this.model
        .findOneAndUpdate(
          {
            _id: new Types.ObjectId(userId),
            $or: [{ idNumberFingerprint: { $exists: false } }, { idNumberFingerprint: fingerprint }],
          },
          {
            $set: {
              idNumberEnc: this.crypto.encrypt(identity.idNumber),
              idNumberFingerprint: fingerprint,
              idNumberMasked: maskIdNumber(identity.idNumber),
              nameEnc: this.crypto.encrypt(identity.name),
              nameMasked: maskName(identity.name),
              ...(identity.personId ? { platformPersonId: identity.personId } : {}),
              realNameVerifiedAt: now,
            },
          },
          { returnDocument: 'after' },
        )
        .lean();
      if (!updated) throw accountAlreadyVerified();
      return updated;
    } catch (error) {
      if (isDuplicate(error, 'idNumberFingerprint')) throw idNumberBoundElsewhere();
      throw error;
    }
  }

  /** The bound identity in clear, for calls to the platform only. */
  revealIdentity(account: AccountDoc): { idNumber: string; name: string } | null {
    if (!account.idNumberEnc || !account.nameEnc) return null;
    return { idNumber: this.crypto.decrypt(account.idNumberEnc), name: this.crypto.decrypt(account.nameEnc) };
  }

  snapshot(account: AccountDoc): UserSnapshot {
    return {
      mobileMasked: account.mobile ? maskMobile(account.mobile) : null,
      nameMasked: account.nameMasked ?? null,
      idNumberMasked: account.idNumberMasked ?? null,
      realNameVerifiedAt: account.realNameVerifiedAt ?? null,
    };
  }

  private async upsert(filter: Record<string, unknown>, update: Record<string, unknown>): Promise<AccountDoc> {
    for (let attempt = 0; ; attempt++) {
      try {
        const doc = await this.model.findOneAndUpdate(filter, update, { upsert: true, returnDocument: 'after' }).lean();
        if (doc) return doc;
        throw new Error('account upsert returned no document');
      } catch (error) {
        // Two first log-ins raced to create the account: the loser finds the winner's one.
        if (!isDuplicate(error) || attempt >= 2) throw error;
      }
    }
  }
}

export function idNumberBoundElsewhere(): AppError {
  return new AppError(409, 'ID_NUMBER_BOUND_ELSEWHERE', '该身份证号已绑定其他账号。如非本人操作，请到政务服务大厅办理');
}

function accountAlreadyVerified(): AppError {
  return new AppError(409, 'ACCOUNT_ALREADY_VERIFIED', '本账号已完成其他身份的实名认证，不能再绑定新的身份证号');
}
