// Log-in by SMS code (H5) and by WeChat code (mini-program), getMe and logout.
import { randomInt, timingSafeEqual } from 'node:crypto';
import type { Config } from '../../config';
import type { CallOptions } from '../../core/budget';
import { AppError, describeWait, errors } from '../../core/errors';
import type { PiiCrypto } from '../../core/pii-crypto';
import type { AuthSession, Level, Role } from '../../core/principal';
import type { RateLimiter } from '../../core/rate-limit';
import { nextChinaMidnight, chinaDate } from '../../core/time';
import type { Platform } from '../../platform';
import { maskMobile } from '../../rules/masking';
import type { AccountDoc } from '../accounts/model';
import type { AccountService } from '../accounts/service';
import type { SessionService } from '../sessions/service';
import type { SmsCodeModel } from './model';

export interface AuthServiceDeps {
  limits: Config['limits'];
  codes: SmsCodeModel;
  limiter: RateLimiter;
  crypto: PiiCrypto;
  accounts: AccountService;
  sessions: SessionService;
  platform: Pick<Platform, 'sms' | 'wechat' | 'staff'>;
}

function smsLimited(retryAfterSeconds: number, message: string): AppError {
  return errors.rateLimited('SMS_CODE_RATE_LIMITED', message, retryAfterSeconds);
}

function codeInvalid(message: string, extra: Record<string, unknown> = {}): AppError {
  return new AppError(400, 'SMS_CODE_INVALID', message, extra);
}

export class AuthService {
  constructor(private readonly deps: AuthServiceDeps) {}

  async requestSmsCode(mobile: string, ip: string, call: CallOptions = {}, now = new Date()) {
    const { limiter, limits } = this.deps;
    const resendKey = `sms:resend:${mobile}`;
    const dayKey = `sms:day:${mobile}:${chinaDate(now)}`;

    const resend = await limiter.consume(resendKey, { limit: 1, seconds: limits.smsResendSeconds }, now);
    if (!resend.allowed) {
      throw smsLimited(
        resend.retryAfterSeconds,
        `验证码发送过于频繁，请 ${describeWait(resend.retryAfterSeconds)}后再试`,
      );
    }
    const daily = await limiter.consume(
      dayKey,
      { limit: limits.smsDailyPerMobile, until: nextChinaMidnight(now) },
      now,
    );
    if (!daily.allowed) {
      throw smsLimited(
        daily.retryAfterSeconds,
        `该手机号今日获取验证码次数已达上限，请 ${describeWait(daily.retryAfterSeconds)}后再试`,
      );
    }
    const perIp = await limiter.consume(`sms:ip:${ip}`, { limit: limits.smsHourlyPerIp, seconds: 3600 }, now);
    if (!perIp.allowed) {
      await Promise.all([limiter.refund(resendKey, now), limiter.refund(dayKey, now)]);
      throw smsLimited(
        perIp.retryAfterSeconds,
        `当前网络获取验证码过于频繁，请 ${describeWait(perIp.retryAfterSeconds)}后再试`,
      );
    }

    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = new Date(now.getTime() + limits.smsCodeTtlSeconds * 1000);
    await this.deps.codes.updateOne(
      { _id: mobile },
      { $set: { codeHash: this.hashCode(mobile, code), sentAt: now, expiresAt, tries: 0, consumedAt: null } },
      { upsert: true },
    );

    let sent;
    try {
      sent = await this.deps.platform.sms.send(
        mobile,
        'LOGIN_CODE',
        {
          code,
          minutes: String(Math.round(limits.smsCodeTtlSeconds / 60)),
        },
        call,
      );
    } catch (error) {
      // Nothing reached the resident: let them ask again at once.
      await Promise.all([
        limiter.refund(resendKey, now),
        limiter.refund(dayKey, now),
        this.deps.codes.deleteOne({ _id: mobile, expiresAt }),
      ]);
      throw error;
    }
    if (!sent.ok) {
      await this.deps.codes.deleteOne({ _id: mobile, expiresAt });
      throw smsLimited(sent.retryAfterSeconds, `验证码发送过于频繁，请 ${describeWait(sent.retryAfterSeconds)}后再试`);
    }
    return {
      sentTo: maskMobile(mobile),
      expiresInSeconds: limits.smsCodeTtlSeconds,
      resendAfterSeconds: limits.smsResendSeconds,
    };
  }

  async loginWithSms(
    input: { mobile: string; code: string; device?: string },
    ip: string,
    call: CallOptions = {},
    now = new Date(),
  ) {
    await this.limitLogins(ip, now);
    await this.useCode(input.mobile, input.code, now);
    const staff = await this.deps.platform.staff.byMobile(input.mobile, call);
    const role: Role = staff?.role ?? 'resident';
    const account = await this.deps.accounts.loginByMobile(input.mobile, role, staff?.staffId, now);
    return this.openSession(account, input.device, now);
  }

  async loginWithWechat(
    input: { code: string; device?: string },
    ip: string,
    call: CallOptions = {},
    now = new Date(),
  ) {
    await this.limitLogins(ip, now);
    const exchange = await this.deps.platform.wechat.jscode2session(input.code, call);
    if (!exchange.ok) throw new AppError(401, 'WECHAT_CODE_INVALID', '微信登录凭证无效或已过期，请重新进入小程序登录');
    const account = await this.deps.accounts.loginByWechat(exchange.openid, exchange.sessionKey, exchange.unionid, now);
    return this.openSession(account, input.device, now);
  }

  me(session: AuthSession) {
    return {
      user: session.user,
      session: {
        level: session.level,
        role: session.role,
        expiresAt: session.expiresAt.toISOString(),
        ...(session.faceCheckedUntil ? { faceCheckedUntil: session.faceCheckedUntil.toISOString() } : {}),
      },
    };
  }

  async logout(session: AuthSession, allDevices: boolean) {
    const loggedOut = allDevices
      ? await this.deps.sessions.revokeAllForUser(session.userId)
      : await this.deps.sessions.revoke(session.id);
    return { loggedOut };
  }

  private async openSession(account: AccountDoc, device: string | undefined, now: Date) {
    const level: Level = account.realNameVerifiedAt ? 'REAL_NAME' : 'LOGGED_IN';
    const issued = await this.deps.sessions.issue(
      {
        userId: account._id,
        role: account.role,
        level,
        device,
        staffId: account.staffId,
        user: this.deps.accounts.snapshot(account),
      },
      now,
    );
    return { token: issued.token, expiresAt: issued.expiresAt.toISOString(), user: issued.session.user };
  }

  private async limitLogins(ip: string, now: Date) {
    const result = await this.deps.limiter.consume(
      `login:ip:${ip}`,
      { limit: this.deps.limits.loginPerIpPerMinute, seconds: 60 },
      now,
    );
    if (!result.allowed) {
      throw errors.rateLimited(
        'LOGIN_RATE_LIMITED',
        `登录尝试过于频繁，请 ${describeWait(result.retryAfterSeconds)}后再试`,
        result.retryAfterSeconds,
      );
    }
  }

  /**
   * Takes one try first (atomically, only while the code is live and tries remain), then
   * compares; the code is consumed by a second conditional update, so it logs in once.
   */
  private async useCode(mobile: string, code: string, now: Date) {
    const { codes, limits } = this.deps;
    const max = limits.smsCodeMaxTries;
    const reserved = await codes
      .findOneAndUpdate(
        { _id: mobile, consumedAt: null, expiresAt: { $gt: now }, tries: { $lt: max } },
        { $inc: { tries: 1 } },
        { returnDocument: 'after' },
      )
      .lean();
    if (!reserved) {
      const current = await codes.findById(mobile).lean();
      if (current && !current.consumedAt && current.expiresAt.getTime() <= now.getTime()) {
        throw new AppError(400, 'SMS_CODE_EXPIRED', '验证码已过期，请重新获取');
      }
      if (current && !current.consumedAt && current.tries >= max) {
        throw codeInvalid('验证码错误次数过多，已失效，请重新获取', { remainingAttempts: 0 });
      }
      throw codeInvalid('验证码不正确或已失效，请重新获取');
    }
    const expected = Buffer.from(reserved.codeHash, 'hex');
    const given = Buffer.from(this.hashCode(mobile, code), 'hex');
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      const remainingAttempts = Math.max(0, max - reserved.tries);
      throw codeInvalid(
        remainingAttempts > 0
          ? `验证码不正确，还可尝试 ${remainingAttempts} 次`
          : '验证码错误次数过多，已失效，请重新获取',
        { remainingAttempts },
      );
    }
    const consumed = await codes.updateOne(
      { _id: mobile, codeHash: reserved.codeHash, consumedAt: null },
      { $set: { consumedAt: now } },
    );
    if (consumed.modifiedCount !== 1) throw codeInvalid('验证码已使用，请重新获取');
  }

  private hashCode(mobile: string, code: string): string {
    return this.deps.crypto.fingerprint(`sms-login:${mobile}:${code}`);
  }
}
