// Certificates: what a resident holds across the real-estate registry and the licence registry,
// one item in full for its holder (or a co-owner), one-use show codes, and their verification.
// Every read goes to the registry in the caller's own name, so the registry decides ownership;
// anything the caller does not hold is a 404, never a 403, so existence does not leak.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { Types } from 'mongoose';
import QRCode from 'qrcode';
import { AppError, describeWait, errors } from '../../core/errors';
import type { Logger } from '../../core/logger';
import { levelAtLeast, type AuthSession } from '../../core/principal';
import type { RateLimiter } from '../../core/rate-limit';
import { isPlatformFailure } from '../../platform/errors';
import type { Licence, LicenceClient } from '../../platform/licence';
import type { RealEstateClient, Title } from '../../platform/realestate';
import type { AccountService } from '../accounts/service';
import { AccessLog, type Actor } from './access-log';
import type { ShowCodeDoc, ShowCodeModel } from './model';
import {
  licenceDetail,
  licenceForVerifier,
  licenceSummary,
  titleDetail,
  titleForVerifier,
  titleSummary,
} from './presenters';
import {
  LIST_REGISTRY_DEADLINE_MS,
  REGISTRY_MISSING_TEXT,
  SHOW_CODE_PIN_LENGTH,
  SHOW_CODE_QR_PREFIX,
  SHOW_CODE_TTL_SECONDS,
  TYPE_NAME,
  VERIFY_LIMIT_PER_IP,
  VERIFY_LIMIT_PER_USER,
  VERIFY_WINDOW_SECONDS,
  CERTIFICATE_TYPES,
  parseCertificateId,
} from './rules';

export interface CertificateSettings {
  showCodeTtlSeconds: number;
  listDeadlineMs: number;
}

export const DEFAULT_SETTINGS: CertificateSettings = {
  showCodeTtlSeconds: SHOW_CODE_TTL_SECONDS,
  listDeadlineMs: LIST_REGISTRY_DEADLINE_MS,
};

export interface CertificateServiceDeps {
  accounts: AccountService;
  fingerprint(value: string): string;
  limiter: RateLimiter;
  showCodes: ShowCodeModel;
  accessLog: AccessLog;
  realEstate: RealEstateClient;
  licences: LicenceClient;
  logger: Logger;
  settings?: Partial<CertificateSettings>;
  /** The BFF clock (tests give one that follows the sandbox clock). */
  now?: () => Date;
}

type Registry = 'realestate' | 'licence';
type Item = { registry: 'realestate'; title: Title } | { registry: 'licence'; licence: Licence };

const DUPLICATE_KEY = 11000;
const TYPE_ORDER = new Map<string, number>(CERTIFICATE_TYPES.map((t, i) => [t, i]));

export const certificateNotFound = () =>
  new AppError(404, 'CERTIFICATE_NOT_FOUND', '未找到该证照，请返回证照列表重新选择');
const showCodeNotFound = () => new AppError(404, 'SHOW_CODE_NOT_FOUND', '亮证码不存在，请核对后重试，或请对方重新出示');
const showCodeUsed = () => new AppError(409, 'SHOW_CODE_USED', '该亮证码已被使用，请对方重新生成亮证码');
const showCodeExpired = () => new AppError(410, 'SHOW_CODE_EXPIRED', '该亮证码已过期，请对方重新生成亮证码');

async function qrSvgDataUrl(payload: string): Promise<string> {
  const svg = await QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

class RegistryLate extends Error {}

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RegistryLate()), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

export class CertificateService {
  private readonly settings: CertificateSettings;
  private readonly now: () => Date;

  constructor(private readonly deps: CertificateServiceDeps) {
    this.settings = { ...DEFAULT_SETTINGS, ...deps.settings };
    this.now = deps.now ?? (() => new Date());
  }

  /** The caller's bound identity; the route already requires REAL_NAME. */
  private async holder(session: AuthSession, requestId?: string) {
    const account = await this.deps.accounts.get(session.userId);
    const identity = this.deps.accounts.revealIdentity(account);
    if (!identity || !account.idNumberFingerprint) throw errors.levelRequired('REAL_NAME', '请先完成实名认证');
    const actor: Actor = { session, fingerprint: account.idNumberFingerprint, requestId };
    return { idNumber: identity.idNumber, fingerprint: account.idNumberFingerprint, actor };
  }

  private subjectsOf(item: Item): string[] {
    const numbers =
      item.registry === 'realestate' ? item.title.obligees.map((o) => o.idNumber) : [item.licence.holderIdNumber];
    return numbers.map((n) => this.deps.fingerprint(n));
  }

  private titleOf(item: Item): string {
    return item.registry === 'realestate' ? TYPE_NAME.REAL_ESTATE_TITLE : item.licence.title;
  }

  /** One item from its registry, asked in the holder's name: null when the holder holds no such item. */
  private async fetchItem(idNumber: string, certificateId: string): Promise<Item | null> {
    const parsed = parseCertificateId(certificateId);
    if (!parsed) return null;
    if (parsed.registry === 'realestate') {
      const title = await this.deps.realEstate.titleFor(idNumber, parsed.recordId);
      return title ? { registry: 'realestate', title } : null;
    }
    const licence = await this.deps.licences.licenceFor(idNumber, parsed.recordId);
    return licence ? { registry: 'licence', licence } : null;
  }

  private async itemOrNotFound(
    holder: Awaited<ReturnType<CertificateService['holder']>>,
    certificateId: string,
  ): Promise<Item> {
    const item = await this.fetchItem(holder.idNumber, certificateId);
    if (item) return item;
    // Recorded against the caller alone: an id guessed at names nobody we could tell.
    await this.deps.accessLog.record(
      holder.actor,
      { action: 'NOT_FOUND', certificateId: certificateId.slice(0, 40), subjects: [] },
      this.now(),
    );
    throw certificateNotFound();
  }

  async list(session: AuthSession, requestId?: string) {
    const holder = await this.holder(session, requestId);
    const deadline = this.settings.listDeadlineMs;
    // Both registries at once; each gets the same deadline, and a late or failing one is named.
    const [titles, licences] = await Promise.allSettled([
      withDeadline(this.deps.realEstate.titlesOf(holder.idNumber, deadline), deadline),
      withDeadline(this.deps.licences.licencesOf(holder.idNumber, deadline), deadline),
    ]);
    const notices: { service: Registry; message: string }[] = [];
    const failures: unknown[] = [];
    const settle = <T>(service: Registry, result: PromiseSettledResult<T[]>): T[] => {
      if (result.status === 'fulfilled') return result.value;
      const reason = result.reason;
      if (!(reason instanceof RegistryLate) && !isPlatformFailure(reason)) throw reason;
      failures.push(reason);
      this.deps.logger.warn(
        { service, late: reason instanceof RegistryLate, requestId },
        'registry missing from certificate list',
      );
      notices.push({ service, message: REGISTRY_MISSING_TEXT[service] });
      return [];
    };
    const items = [
      ...settle('realestate', titles).map((t) => titleSummary(t, holder.idNumber)),
      ...settle('licence', licences).map((l) => licenceSummary(l, holder.idNumber)),
    ].sort((a, b) => (TYPE_ORDER.get(a.type) ?? 99) - (TYPE_ORDER.get(b.type) ?? 99));
    if (notices.length === 2) {
      const first = failures.find((f) => f instanceof AppError);
      throw first instanceof AppError ? first : new AppError(504, 'PLATFORM_TIMEOUT', '证照系统响应超时，请稍后再试');
    }
    await this.deps.accessLog.record(holder.actor, { action: 'LIST', subjects: [holder.fingerprint] }, this.now());
    return { items, partial: notices.length > 0, notices };
  }

  async get(session: AuthSession, certificateId: string, reveal: boolean, requestId?: string) {
    // Checked before anything is read: revealing needs a fresh face check (FACE_CHECKED lapses by itself).
    if (reveal && !levelAtLeast(session.level, 'FACE_CHECKED')) {
      throw errors.levelRequired('FACE_CHECKED', '查看完整信息需要先完成人脸核验');
    }
    const holder = await this.holder(session, requestId);
    const item = await this.itemOrNotFound(holder, certificateId);
    const viewer = { idNumber: holder.idNumber, reveal };
    await this.deps.accessLog.record(
      holder.actor,
      {
        action: reveal ? 'REVEAL' : 'VIEW',
        certificateId,
        certificateTitle: this.titleOf(item),
        subjects: this.subjectsOf(item),
      },
      this.now(),
    );
    return item.registry === 'realestate' ? titleDetail(item.title, viewer) : licenceDetail(item.licence, viewer);
  }

  async createShowCode(session: AuthSession, certificateId: string, requestId?: string) {
    const holder = await this.holder(session, requestId);
    const item = await this.itemOrNotFound(holder, certificateId);
    const now = this.now();
    const expiresAt = new Date(now.getTime() + this.settings.showCodeTtlSeconds * 1000);
    const code = randomBytes(24).toString('base64url');
    const pin = await this.insertWithFreePin(code, {
      userId: new Types.ObjectId(session.userId),
      certificateId,
      createdAt: now,
      expiresAt,
    });
    await this.deps.accessLog.record(
      holder.actor,
      {
        action: 'SHOW_CODE_CREATED',
        certificateId,
        certificateTitle: this.titleOf(item),
        subjects: this.subjectsOf(item),
      },
      now,
    );
    const qrPayload = SHOW_CODE_QR_PREFIX + code;
    const summary =
      item.registry === 'realestate'
        ? titleSummary(item.title, holder.idNumber)
        : licenceSummary(item.licence, holder.idNumber);
    return {
      code,
      pin,
      qrPayload,
      // Drawn here so the mini-program and H5 show the same image without a canvas; SVG stays
      // sharp at any size (elder mode shows it larger) and is about 1 KB.
      qrImage: await qrSvgDataUrl(qrPayload),
      createdAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
      ttlSeconds: this.settings.showCodeTtlSeconds,
      certificate: summary,
    };
  }

  /**
   * A PIN that no other usable code holds: the unique pinLock index decides. A lock left by a
   * code that has lapsed or been used is released first; after a few clashes a new PIN is drawn.
   */
  private async insertWithFreePin(
    code: string,
    base: Pick<ShowCodeDoc, 'userId' | 'certificateId' | 'createdAt' | 'expiresAt'>,
  ): Promise<string> {
    for (let attempt = 0; attempt < 8; attempt++) {
      const pin = String(randomInt(0, 10 ** SHOW_CODE_PIN_LENGTH)).padStart(SHOW_CODE_PIN_LENGTH, '0');
      const pinFingerprint = this.pinFingerprint(pin);
      await this.deps.showCodes.updateMany(
        { pinLock: pinFingerprint, $or: [{ expiresAt: { $lte: base.createdAt } }, { usedAt: { $ne: null } }] },
        { $unset: { pinLock: 1 } },
      );
      try {
        await this.deps.showCodes.create({
          _id: sha256(code),
          ...base,
          pinFingerprint,
          pinLock: pinFingerprint,
          usedAt: null,
          usedBy: null,
        });
        return pin;
      } catch (error) {
        if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
      }
    }
    throw new AppError(503, 'SHOW_CODE_BUSY', '亮证码生成繁忙，请稍后再试');
  }

  private pinFingerprint(pin: string): string {
    return this.deps.fingerprint(`show-code-pin:${pin}`);
  }

  /** Guessing PINs is the obvious attack: attempts are counted per account and per address. */
  private async limitVerifier(session: AuthSession, ip: string, now: Date) {
    const window = { seconds: VERIFY_WINDOW_SECONDS };
    const [byUser, byIp] = await Promise.all([
      this.deps.limiter.consume(`showcode:user:${session.userId}`, { ...window, limit: VERIFY_LIMIT_PER_USER }, now),
      this.deps.limiter.consume(`showcode:ip:${ip}`, { ...window, limit: VERIFY_LIMIT_PER_IP }, now),
    ]);
    const refused = [byUser, byIp].find((r) => !r.allowed);
    if (refused) {
      throw errors.rateLimited(
        'SHOW_CODE_RATE_LIMITED',
        `核验次数过多，请 ${describeWait(refused.retryAfterSeconds)}后再试`,
        refused.retryAfterSeconds,
      );
    }
  }

  async verify(session: AuthSession, input: { code?: string; pin?: string }, ip: string, requestId?: string) {
    const now = this.now();
    await this.limitVerifier(session, ip, now);
    const record = input.code
      ? await this.deps.showCodes.findById(sha256(input.code.replace(SHOW_CODE_QR_PREFIX, ''))).lean<ShowCodeDoc>()
      : await this.deps.showCodes
          .findOne({ pinFingerprint: this.pinFingerprint(input.pin ?? '') })
          .sort({ createdAt: -1 })
          .lean<ShowCodeDoc>();
    if (!record) throw showCodeNotFound();
    if (record.usedAt) throw showCodeUsed();
    if (record.expiresAt.getTime() <= now.getTime()) throw showCodeExpired();

    // The registry's word, read in the holder's name before the code is spent: if the registry
    // is down the verifier can try again with the same code.
    const owner = await this.deps.accounts.get(String(record.userId));
    const identity = this.deps.accounts.revealIdentity(owner);
    const item = identity ? await this.fetchItem(identity.idNumber, record.certificateId) : null;

    const spent = await this.deps.showCodes
      .findOneAndUpdate(
        { _id: record._id, usedAt: null, expiresAt: { $gt: now } },
        { $set: { usedAt: now, usedBy: new Types.ObjectId(session.userId) }, $unset: { pinLock: 1 } },
        { returnDocument: 'after' },
      )
      .lean();
    if (!spent) {
      const latest = await this.deps.showCodes.findById(record._id).lean<ShowCodeDoc>();
      if (latest?.usedAt) throw showCodeUsed();
      throw showCodeExpired();
    }

    const verifier: Actor = { session, fingerprint: await this.fingerprintOf(session), requestId };
    const checkedAt = now.toISOString();
    if (!item) {
      // Issued once, gone from the registry now (withdrawn, or the holder's record changed).
      await this.deps.accessLog.record(
        verifier,
        {
          action: 'VERIFY_REFUSED',
          certificateId: record.certificateId,
          subjects: owner.idNumberFingerprint ? [owner.idNumberFingerprint] : [],
        },
        now,
      );
      return {
        authentic: false,
        authenticity: 'NOT_IN_REGISTRY' as const,
        authenticityText: '登记机关已无此证照记录，不能证明其真实有效',
        checkedAt,
        certificate: null,
      };
    }
    await this.deps.accessLog.record(
      verifier,
      {
        action: 'VERIFIED',
        certificateId: record.certificateId,
        certificateTitle: this.titleOf(item),
        subjects: this.subjectsOf(item),
      },
      now,
    );
    if (item.registry === 'realestate') {
      return {
        authentic: true,
        authenticity: 'AUTHENTIC' as const,
        authenticityText: '经不动产登记系统核验，证书真实',
        checkedAt,
        certificate: titleForVerifier(item.title),
      };
    }
    const status = item.licence.effectiveStatus;
    const authentic = status === 'VALID';
    const authenticityText = authentic
      ? '经电子证照库核验，证照真实有效'
      : status === 'EXPIRED'
        ? '证照由发证机关签发，但已超过有效期'
        : '证照已被发证机关注销，不能作为有效证明';
    return {
      authentic,
      authenticity: authentic ? ('AUTHENTIC' as const) : status,
      authenticityText,
      checkedAt,
      certificate: licenceForVerifier(item.licence),
    };
  }

  private async fingerprintOf(session: AuthSession): Promise<string | null> {
    const account = await this.deps.accounts.get(session.userId);
    return account.idNumberFingerprint ?? null;
  }

  async accessRecords(session: AuthSession, options: { limit: number; before?: string }) {
    const holder = await this.holder(session);
    return this.deps.accessLog.forHolder(holder.fingerprint, {
      limit: options.limit,
      before: options.before ? new Date(options.before) : undefined,
    });
  }
}
