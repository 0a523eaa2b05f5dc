// 帮办代办: a guide opens a request (items, mode, duration) and shows its one-time code; the
// resident grants it in their own app (QR or short code) or reads out a code sent by SMS to
// their registered mobile. A 代办 grant lets the guide act for the resident in the granted items
// until it expires or is revoked; every action is recorded with both people.
import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { Types } from 'mongoose';
import type { ActingGrant, ActionEntry, GrantAuthority } from '../../core/acting';
import type { CallOptions } from '../../core/budget';
import { errors } from '../../core/errors';
import type { Logger } from '../../core/logger';
import type { PiiCrypto } from '../../core/pii-crypto';
import type { AuthSession, Level } from '../../core/principal';
import { chinaDate } from '../../core/time';
import type { Platform } from '../../platform';
import type { HallsClient } from '../../platform/halls';
import { maskMobile } from '../../rules/masking';
import type { AccountModel } from '../accounts/model';
import type { AccountService } from '../accounts/service';
import { assistErrors } from './errors';
import type {
  AssistActionDoc,
  AssistGrantDoc,
  AssistModels,
  AssistRequestDoc,
  GuideRef,
  ServiceItemRef,
} from './model';
import { presentGrant, presentLetter, presentRequest } from './presenters';
import {
  grantState,
  LIST_LIMIT,
  REQUEST_CODE_DIGITS,
  REQUEST_TTL_SECONDS,
  requestCodeOf,
  SMS_CODE_MAX_TRIES,
  SMS_CODE_TTL_SECONDS,
  SMS_SENDS_PER_REQUEST,
  type AssistMode,
} from './rules';

export interface AssistServiceDeps {
  models: AssistModels;
  accounts: AccountService;
  accountModel: AccountModel;
  platform: Pick<Platform, 'staff' | 'sms'>;
  halls: Pick<HallsClient, 'listHalls'>;
  crypto: PiiCrypto;
  logger: Logger;
}

/** The service items guides may be authorised for: every item the halls handle, cached briefly. */
const CATALOGUE_TTL_MS = 5 * 60_000;

export class AssistService implements GrantAuthority {
  private catalogue: { at: number; items: Map<string, string> } | null = null;

  constructor(private readonly deps: AssistServiceDeps) {}

  // ---- the guide's request -------------------------------------------------------------

  async createRequest(
    session: AuthSession,
    input: { items: string[]; mode: AssistMode; durationMinutes: number },
    call: CallOptions = {},
    now = new Date(),
  ) {
    const guide = await this.guideOf(session, call);
    const items = await this.resolveItems(input.items);
    const doc: AssistRequestDoc = {
      _id: `ar_${randomBytes(12).toString('base64url')}`,
      code: await this.freeCode(now),
      guide,
      items,
      mode: input.mode,
      durationMinutes: input.durationMinutes,
      status: 'OPEN',
      createdAt: now,
      expiresAt: new Date(now.getTime() + REQUEST_TTL_SECONDS * 1000),
      grantId: null,
      sms: null,
    };
    await this.deps.models.requests.create(doc);
    return presentRequest(doc, now);
  }

  /** The guide watches their request until the resident grants it. */
  async getRequest(session: AuthSession, requestId: string, now = new Date()) {
    const doc = await this.deps.models.requests.findById(requestId).lean<AssistRequestDoc>();
    if (!doc || String(doc.guide.accountId) !== session.userId) throw assistErrors.requestNotFound();
    return presentRequest(doc, now);
  }

  /** What the resident is asked to grant, shown before they confirm. */
  async previewRequest(codeOrQr: string, now = new Date()) {
    const doc = await this.openRequestByCode(codeOrQr, now);
    return {
      requestId: doc._id,
      guide: { staffId: doc.guide.staffId, name: doc.guide.name },
      items: doc.items,
      mode: doc.mode,
      durationMinutes: doc.durationMinutes,
      expiresAt: doc.expiresAt.toISOString(),
    };
  }

  // ---- consent ----------------------------------------------------------------------------

  async grantByCode(session: AuthSession, codeOrQr: string, now = new Date()) {
    const request = await this.openRequestByCode(codeOrQr, now);
    const grant = await this.issueGrant(request, session.userId, 'QR', now);
    return presentGrant(grant, [], now, 'resident');
  }

  async sendSmsCode(session: AuthSession, requestId: string, mobile: string, call: CallOptions = {}, now = new Date()) {
    const request = await this.ownOpenRequest(session, requestId, now);
    const sends = request.sms?.sends ?? 0;
    if (sends >= SMS_SENDS_PER_REQUEST) throw assistErrors.smsSendsExceeded();
    // The code goes to the mobile the resident registered (their account's), never to a number
    // the guide types for someone without a real-name account.
    const account = await this.deps.accountModel.findOne({ mobile }).lean();
    if (!account || account.role !== 'resident' || !account.realNameVerifiedAt || !account.mobile)
      throw assistErrors.residentNotEligible();

    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const sms = {
      residentAccountId: account._id,
      mobileMasked: maskMobile(account.mobile),
      codeHash: this.hashSmsCode(request._id, code),
      sentAt: now,
      expiresAt: new Date(now.getTime() + SMS_CODE_TTL_SECONDS * 1000),
      tries: 0,
      sends: sends + 1,
    };
    const reserved = await this.deps.models.requests.updateOne(
      { _id: request._id, status: 'OPEN', ...(request.sms ? { 'sms.sends': sends } : { sms: null }) },
      { $set: { sms } },
    );
    if (reserved.modifiedCount !== 1) throw assistErrors.smsSendsExceeded();

    const sent = await this.deps.platform.sms.send(
      account.mobile,
      'ASSIST_GRANT_CODE',
      {
        code,
        minutes: String(Math.round(SMS_CODE_TTL_SECONDS / 60)),
        guideName: request.guide.name.slice(0, 20),
        items: request.items
          .map((i) => i.name)
          .join('、')
          .slice(0, 60),
      },
      call,
    );
    if (!sent.ok) {
      throw errors.rateLimited(
        'SMS_CODE_RATE_LIMITED',
        `短信发送过于频繁，请 ${sent.retryAfterSeconds} 秒后再试`,
        sent.retryAfterSeconds,
      );
    }
    return {
      sentTo: sms.mobileMasked,
      expiresInSeconds: SMS_CODE_TTL_SECONDS,
      sendsLeft: SMS_SENDS_PER_REQUEST - sms.sends,
    };
  }

  /** The guide types the code the resident reads out; one try is taken before comparing. */
  async grantBySms(session: AuthSession, requestId: string, code: string, now = new Date()) {
    const { requests } = this.deps.models;
    await this.ownOpenRequest(session, requestId, now);
    const reserved = await requests
      .findOneAndUpdate(
        {
          _id: requestId,
          status: 'OPEN',
          'sms.expiresAt': { $gt: now },
          'sms.tries': { $lt: SMS_CODE_MAX_TRIES },
        },
        { $inc: { 'sms.tries': 1 } },
        { returnDocument: 'after' },
      )
      .lean<AssistRequestDoc>();
    if (!reserved?.sms) {
      const current = await requests.findById(requestId).lean<AssistRequestDoc>();
      if (current?.sms && current.sms.tries >= SMS_CODE_MAX_TRIES) throw assistErrors.smsCodeInvalid(0);
      throw assistErrors.smsCodeExpired();
    }
    const expected = Buffer.from(reserved.sms.codeHash, 'hex');
    const given = Buffer.from(this.hashSmsCode(requestId, code), 'hex');
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      throw assistErrors.smsCodeInvalid(Math.max(0, SMS_CODE_MAX_TRIES - reserved.sms.tries));
    }
    const grant = await this.issueGrant(reserved, String(reserved.sms.residentAccountId), 'SMS', now);
    return presentGrant(grant, [], now, 'guide');
  }

  async revoke(session: AuthSession, grantId: string, now = new Date()) {
    const { grants } = this.deps.models;
    const residentId = new Types.ObjectId(session.userId);
    await grants.updateOne(
      { _id: grantId, 'resident.accountId': residentId, revokedAt: null, expiresAt: { $gt: now } },
      { $set: { revokedAt: now } },
    );
    const grant = await grants.findOne({ _id: grantId, 'resident.accountId': residentId }).lean<AssistGrantDoc>();
    if (!grant) throw assistErrors.grantNotFound();
    return presentGrant(grant, await this.actionsOf([grant._id]).then((m) => m.get(grant._id) ?? []), now, 'resident');
  }

  // ---- visibility -------------------------------------------------------------------------

  async listMine(session: AuthSession, now = new Date()) {
    const grants = await this.deps.models.grants
      .find({ 'resident.accountId': new Types.ObjectId(session.userId) })
      .sort({ createdAt: -1 })
      .limit(LIST_LIMIT)
      .lean<AssistGrantDoc[]>();
    const actions = await this.actionsOf(grants.map((g) => g._id));
    return { grants: grants.map((g) => presentGrant(g, actions.get(g._id) ?? [], now, 'resident')) };
  }

  /** A guide sees their own grants; a supervisor sees every guide's, or one guide's by staffId. */
  async listForGuide(session: AuthSession, query: { staffId?: string; state?: 'OPEN' | 'PAST' }, now = new Date()) {
    const filter: Record<string, unknown> = {};
    if (session.role === 'guide') filter['guide.accountId'] = new Types.ObjectId(session.userId);
    else if (query.staffId) filter['guide.staffId'] = query.staffId;
    if (query.state === 'OPEN') Object.assign(filter, { revokedAt: null, expiresAt: { $gt: now } });
    if (query.state === 'PAST') filter.$or = [{ revokedAt: { $ne: null } }, { expiresAt: { $lte: now } }];
    const grants = await this.deps.models.grants
      .find(filter)
      .sort({ createdAt: -1 })
      .limit(LIST_LIMIT)
      .lean<AssistGrantDoc[]>();
    const actions = await this.actionsOf(grants.map((g) => g._id));
    const byGuide = new Map<string, { staffId: string; name: string; active: number; total: number }>();
    for (const g of grants) {
      const entry = byGuide.get(g.guide.staffId) ?? {
        staffId: g.guide.staffId,
        name: g.guide.name,
        active: 0,
        total: 0,
      };
      entry.total += 1;
      if (grantState(g, now) === 'ACTIVE') entry.active += 1;
      byGuide.set(g.guide.staffId, entry);
    }
    return {
      grants: grants.map((g) => presentGrant(g, actions.get(g._id) ?? [], now, 'guide')),
      byGuide: [...byGuide.values()],
    };
  }

  /** The 委托书 of a 代办 grant, for the resident who gave it (and the guide who holds it). */
  async letter(session: AuthSession, grantId: string, now = new Date()) {
    const grant = await this.deps.models.grants.findById(grantId).lean<AssistGrantDoc>();
    const mine =
      grant &&
      (String(grant.resident.accountId) === session.userId || String(grant.guide.accountId) === session.userId);
    if (!grant || !mine) throw assistErrors.grantNotFound();
    if (grant.mode !== 'PROXY') throw assistErrors.noLetter();
    return presentLetter(grant, now);
  }

  // ---- acting (GrantAuthority) -----------------------------------------------------------

  async openForActing(grantId: string, guide: AuthSession, operation: { id: string; label: string }, now = new Date()) {
    if (guide.role !== 'guide') throw assistErrors.notGuide();
    const grant = await this.deps.models.grants.findById(grantId).lean<AssistGrantDoc>();
    if (!grant) throw assistErrors.grantNotFound();
    if (String(grant.guide.accountId) !== guide.userId) throw assistErrors.notYourGrant();
    const refuse = async (error: ReturnType<typeof assistErrors.expired>) => {
      await this.record({
        grantId,
        operationId: operation.id,
        operationName: operation.label,
        itemCode: null,
        targetId: null,
        result: 'REFUSED',
        errorCode: error.code,
      });
      return error;
    };
    const state = grantState(grant, now);
    if (state === 'REVOKED') throw await refuse(assistErrors.revoked());
    if (state === 'EXPIRED') throw await refuse(assistErrors.expired());
    if (grant.mode !== 'PROXY') throw await refuse(assistErrors.notProxy());

    const account = await this.deps.accounts.get(String(grant.resident.accountId));
    const level: Level = account.realNameVerifiedAt ? 'REAL_NAME' : 'LOGGED_IN';
    const snapshot = this.deps.accounts.snapshot(account);
    const resident: AuthSession = {
      // Not a stored session: nothing can rotate or revoke the guide's own session through it.
      id: `assist:${grant._id}`,
      userId: String(account._id),
      role: 'resident',
      level,
      expiresAt: grant.expiresAt,
      user: {
        id: String(account._id),
        role: 'resident',
        level,
        mobileMasked: snapshot.mobileMasked,
        nameMasked: snapshot.nameMasked,
        idNumberMasked: snapshot.idNumberMasked,
        ...(snapshot.realNameVerifiedAt ? { realNameVerifiedAt: snapshot.realNameVerifiedAt.toISOString() } : {}),
      },
    };
    const acting: ActingGrant = { grantId: grant._id, items: grant.items.map((i) => i.code), resident };
    return acting;
  }

  async record(entry: ActionEntry, now = new Date()): Promise<void> {
    const grant = await this.deps.models.grants
      .findById(entry.grantId, { resident: 1, guide: 1 })
      .lean<AssistGrantDoc>();
    if (!grant) return;
    await this.deps.models.actions.create({
      grantId: entry.grantId,
      residentAccountId: grant.resident.accountId,
      guide: grant.guide,
      operationId: entry.operationId,
      operationName: entry.operationName,
      itemCode: entry.itemCode,
      targetId: entry.targetId,
      result: entry.result,
      errorCode: entry.errorCode,
      at: now,
    });
    this.deps.logger.info(
      { grantId: entry.grantId, staffId: grant.guide.staffId, operationId: entry.operationId, result: entry.result },
      'assist action',
    );
  }

  // ---- internals --------------------------------------------------------------------------

  private async guideOf(session: AuthSession, call: CallOptions): Promise<GuideRef> {
    if (session.role !== 'guide') throw assistErrors.notGuide();
    const account = await this.deps.accounts.get(session.userId);
    const entry = account.mobile ? await this.deps.platform.staff.byMobile(account.mobile, call) : null;
    if (!entry || entry.role !== 'guide') throw assistErrors.notInDirectory();
    return { accountId: account._id, staffId: entry.staffId, name: entry.name };
  }

  private async resolveItems(codes: string[]): Promise<ServiceItemRef[]> {
    if (!this.catalogue || Date.now() - this.catalogue.at > CATALOGUE_TTL_MS) {
      const items = new Map<string, string>();
      for (const hall of await this.deps.halls.listHalls({}))
        for (const item of hall.serviceItems) items.set(item.code, item.name);
      this.catalogue = { at: Date.now(), items };
    }
    const known = this.catalogue.items;
    const unique = [...new Set(codes)];
    const unknown = unique.filter((c) => !known.has(c));
    if (unknown.length) throw assistErrors.unknownItems(unknown);
    return unique.map((code) => ({ code, name: known.get(code)! }));
  }

  /** A short code no other open request holds (a collision among a few open codes is rare). */
  private async freeCode(now: Date): Promise<string> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = String(randomInt(0, 10 ** REQUEST_CODE_DIGITS)).padStart(REQUEST_CODE_DIGITS, '0');
      const taken = await this.deps.models.requests.exists({ code, status: 'OPEN', expiresAt: { $gt: now } });
      if (!taken) return code;
    }
    throw new Error('no free assist request code');
  }

  private async openRequestByCode(codeOrQr: string, now: Date): Promise<AssistRequestDoc> {
    const code = requestCodeOf(codeOrQr);
    if (!code) throw assistErrors.requestNotFound();
    const docs = await this.deps.models.requests
      .find({ code })
      .sort({ createdAt: -1 })
      .limit(1)
      .lean<AssistRequestDoc[]>();
    const doc = docs[0];
    if (!doc) throw assistErrors.requestNotFound();
    if (doc.status !== 'OPEN') throw assistErrors.requestUsed();
    if (doc.expiresAt.getTime() <= now.getTime()) throw assistErrors.requestExpired();
    return doc;
  }

  private async ownOpenRequest(session: AuthSession, requestId: string, now: Date): Promise<AssistRequestDoc> {
    const doc = await this.deps.models.requests.findById(requestId).lean<AssistRequestDoc>();
    if (!doc || String(doc.guide.accountId) !== session.userId) throw assistErrors.requestNotFound();
    if (doc.status !== 'OPEN') throw assistErrors.requestUsed();
    if (doc.expiresAt.getTime() <= now.getTime()) throw assistErrors.requestExpired();
    return doc;
  }

  /** Claims the request (one conditional update: a code grants once) and records the grant. */
  private async issueGrant(
    request: AssistRequestDoc,
    residentId: string,
    method: 'QR' | 'SMS',
    now: Date,
  ): Promise<AssistGrantDoc> {
    const account = await this.deps.accounts.get(residentId);
    if (!account.realNameVerifiedAt || account.role !== 'resident') throw assistErrors.residentNotEligible();
    const grantId = `ag_${randomBytes(15).toString('base64url')}`;
    const claimed = await this.deps.models.requests.updateOne(
      { _id: request._id, status: 'OPEN', expiresAt: { $gt: now } },
      { $set: { status: 'GRANTED', grantId } },
    );
    if (claimed.modifiedCount !== 1) {
      const current = await this.deps.models.requests.findById(request._id).lean<AssistRequestDoc>();
      throw current?.status === 'GRANTED' ? assistErrors.requestUsed() : assistErrors.requestExpired();
    }
    const grant: AssistGrantDoc = {
      _id: grantId,
      requestId: request._id,
      mode: request.mode,
      items: request.items,
      resident: {
        accountId: account._id,
        nameMasked: account.nameMasked ?? '',
        idNumberMasked: account.idNumberMasked ?? '',
        mobileMasked: account.mobile ? maskMobile(account.mobile) : null,
      },
      guide: request.guide,
      consent: { method, at: now },
      durationMinutes: request.durationMinutes,
      createdAt: now,
      expiresAt: new Date(now.getTime() + request.durationMinutes * 60_000),
      revokedAt: null,
      letterNo: `${chinaDate(now).replace(/-/g, '')}${grantId.slice(3, 9).toUpperCase()}`,
    };
    await this.deps.models.grants.create(grant);
    return grant;
  }

  private async actionsOf(grantIds: string[]) {
    const byGrant = new Map<string, AssistActionDoc[]>();
    if (!grantIds.length) return byGrant;
    const actions = await this.deps.models.actions
      .find({ grantId: { $in: grantIds } })
      .sort({ at: 1 })
      .lean<AssistActionDoc[]>();
    for (const a of actions) byGrant.set(a.grantId, [...(byGrant.get(a.grantId) ?? []), a]);
    return byGrant;
  }

  private hashSmsCode(requestId: string, code: string): string {
    return this.deps.crypto.fingerprint(`assist-sms:${requestId}:${code}`);
  }
}
