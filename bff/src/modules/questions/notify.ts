// Notices to residents (a staff answer, a rectification answer): a WeChat subscription message
// for a mini-program user, an SMS NOTICE otherwise or when WeChat refuses. Each event is queued
// under its key (unique _id), so it is queued once even when the same answer is processed twice.
// The request that caused it tries it at once, within its own budget, so the resident normally
// hears straight away; whatever is not sent then (SMS rate limit, platform down, timeout) is
// retried by the resident-notice job (`notice-job.ts`) through the same leased queue.
import { z } from 'zod';
import type { CallOptions } from '../../core/budget';
import { LeasedQueue, type DeliveryOutcome } from '../../core/leased-queue';
import type { Logger } from '../../core/logger';
import type { Platform } from '../../platform';
import type { AccountModel } from '../accounts/model';
import type { NotificationDoc, QuestionModels } from './model';

/** The subscription template residents consent to for answers (服务进度通知). */
export const ANSWER_TEMPLATE_ID = 'BIANMIN_QUERY_ANSWERED';
/** How often the job looks for due notices. */
export const NOTICE_INTERVAL_MS = 15_000;
export const NOTICE_LEASE_MS = 2 * 60_000;
/** After a platform failure; an SMS rate limit waits what the gateway says instead. */
export const NOTICE_RETRY_MS = 5 * 60_000;
/** Twelve tries five minutes apart ride out an hour-long platform outage. */
export const NOTICE_MAX_ATTEMPTS = 12;
/** The most a staff member's request waits for the first try (the answer is saved already). */
export const NOTICE_INLINE_MS = 3000;

/** What a caller asks to send; `key` (unique per event) becomes the queued notice's _id. */
export type Notice = Pick<NotificationDoc, 'userId' | 'title' | 'text' | 'page'> & { key: string };

export interface NotifierDeps {
  models: Pick<QuestionModels, 'notifications'>;
  accounts: AccountModel;
  platform: Pick<Platform, 'http' | 'sms'>;
  logger: Logger;
}

const wechatAnswer = z.object({ errcode: z.number() });

export class Notifier {
  private readonly queue: LeasedQueue<NotificationDoc>;

  constructor(private readonly deps: NotifierDeps) {
    this.queue = new LeasedQueue<NotificationDoc>({
      name: 'resident notice',
      model: deps.models.notifications,
      logger: deps.logger,
      dueField: 'dueAt',
      sortField: 'dueAt',
      leaseMs: NOTICE_LEASE_MS,
      maxAttempts: NOTICE_MAX_ATTEMPTS,
      retryMs: NOTICE_RETRY_MS,
    });
  }

  /** Names this runner in its claims (logs and tests). */
  get instanceId(): string {
    return this.queue.instanceId;
  }

  /**
   * Queues the notice and tries it at once. Never throws for a failed delivery: the staff
   * member's answer stands and the job retries the notice.
   */
  async send(notice: Notice, call: CallOptions = {}): Promise<'SENT' | 'QUEUED' | 'ALREADY_QUEUED'> {
    const now = new Date();
    try {
      await this.deps.models.notifications.create({
        _id: notice.key,
        userId: notice.userId,
        status: 'PENDING',
        title: notice.title,
        text: notice.text,
        page: notice.page,
        attempts: 0,
        dueAt: now,
        createdAt: now,
      });
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return 'ALREADY_QUEUED';
      throw error;
    }
    const deadline = Math.min(call.deadline ?? Infinity, now.getTime() + NOTICE_INLINE_MS);
    try {
      // This one notice, claimed, leased and recorded like any other.
      const sent = await this.queue.drain(now, (n) => this.deliver(n, { deadline }), { _id: notice.key });
      return sent > 0 ? 'SENT' : 'QUEUED';
    } catch (error) {
      this.deps.logger.warn({ err: error, notice: notice.key }, 'resident notice left to the job');
      return 'QUEUED';
    }
  }

  /** Delivers every notice due at `now`; returns how many this runner sent. */
  drain(now: Date): Promise<number> {
    return this.queue.drain(now, (n) => this.deliver(n, {}));
  }

  private async deliver(n: NotificationDoc, call: CallOptions): Promise<DeliveryOutcome> {
    const account = await this.deps.accounts.findById(n.userId, { wechatOpenid: 1, mobile: 1 }).lean();
    if (account?.wechatOpenid) {
      try {
        if (await this.sendWechat(account.wechatOpenid, n, call)) return { status: 'SENT', channel: 'wechat' };
      } catch (error) {
        // WeChat unreachable: an SMS still tells the resident now; without a mobile, retry later.
        if (!account.mobile) throw error;
        this.deps.logger.warn({ err: error, notice: n._id }, 'wechat notice failed; trying SMS');
      }
    }
    if (!account?.mobile) return { status: 'SKIPPED', why: 'no channel' };
    const sent = await this.deps.platform.sms.send(account.mobile, 'NOTICE', { text: n.text.slice(0, 300) }, call);
    if (sent.ok) return { status: 'SENT', channel: 'sms' };
    return { status: 'RETRY', afterMs: sent.retryAfterSeconds * 1000, why: 'sms rate limited' };
  }

  /** True when WeChat accepted the message; false when it refused (not subscribed: fall back). */
  private async sendWechat(openid: string, n: NotificationDoc, call: CallOptions): Promise<boolean> {
    const res = await this.deps.platform.http.request('wechat', {
      method: 'POST',
      path: '/v1/wechat/subscribe/send',
      deadline: call.deadline,
      body: {
        touser: openid,
        template_id: ANSWER_TEMPLATE_ID,
        page: n.page,
        data: { thing1: { value: n.title.slice(0, 20) }, thing2: { value: n.text.slice(0, 20) } },
      },
    });
    const answer = wechatAnswer.safeParse(res.body);
    return res.status === 200 && answer.success && answer.data.errcode === 0;
  }
}
