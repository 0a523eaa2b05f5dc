// Status notices: each change of a case's status reaches the resident once, as a WeChat
// subscription message (openid users) or an SMS NOTICE. Every BFF instance runs this job:
// 1. it reads the case-handling service's change feed from a cursor kept in MongoDB (re-reading
//    an overlap window, since a change may commit after a later one was read), and inserts one
//    notice per status event with the id `<caseId>:<event no>`: the unique id makes a second
//    instance's (or a restarted one's) insert a no-op;
// 2. it claims each pending notice with one conditional update before sending, with a lease
//    (a claim whose instance died is taken over after the lease: the one case where a notice
//    could go twice, preferred to never). One case's notices go out in the order of its events.
import { z } from 'zod';
import { LeasedQueue, LeasedQueueJob, type DeliveryOutcome } from '../../core/leased-queue';
import type { Logger } from '../../core/logger';
import type { Platform } from '../../platform';
import { FINISHED_CASE_STATUSES, type CasesClient, type PlatformCase } from '../../platform/cases';
import type { AccountModel } from '../accounts/model';
import type { CursorModel, MoveApplicationModel, NoticeDoc, NoticeModel, UploadModel } from './model';
import { purgeAbandonedDraftUploads, purgeExpiredUploads } from './retention';
import { STATUS_TEXT } from './presenter';

export const NOTICE_INTERVAL_MS = 15_000;
export const NOTICE_LEASE_MS = 2 * 60_000;
export const NOTICE_RETRY_MS = 5 * 60_000;
export const NOTICE_MAX_ATTEMPTS = 5;
/** Changes are re-read this far back from the cursor. */
export const FEED_OVERLAP_MS = 60_000;
const FEED_PAGE = 100;
const CURSOR_ID = 'case-feed';
/** WeChat subscription-message template for progress updates (registered in the mini-program's console). */
export const MOVE_STATUS_TEMPLATE_ID = 'BIANMIN_MOVE_STATUS';

export interface MoveNoticeDeps {
  applications: MoveApplicationModel;
  uploads: UploadModel;
  notices: NoticeModel;
  cursor: CursorModel;
  accounts: AccountModel;
  cases: CasesClient;
  platform: Pick<Platform, 'http' | 'sms'>;
  logger: Logger;
}

const wechatAnswer = z.object({ errcode: z.number() });
/** WeChat's phrase fields take at most 5 characters. */
const SHORT_STATUS: Record<string, string> = {
  SUBMITTED: '已提交',
  ACCEPTED: '已受理',
  UNDER_REVIEW: '审核中',
  NEEDS_CORRECTION: '待补正',
  APPROVED: '已通过',
  COMPLETED: '已办结',
  REJECTED: '未通过',
};

export class MoveNoticeJob extends LeasedQueueJob {
  protected readonly queue: LeasedQueue<NoticeDoc>;

  constructor(private readonly deps: MoveNoticeDeps) {
    super('move notice', deps.logger, NOTICE_INTERVAL_MS);
    this.queue = new LeasedQueue<NoticeDoc>({
      name: 'move status notice',
      model: deps.notices,
      logger: deps.logger,
      dueField: 'nextAttemptAt',
      sortField: 'at',
      // A resident reads a case's changes in the order they happened, even with many runners.
      orderWithin: 'caseId',
      leaseMs: NOTICE_LEASE_MS,
      maxAttempts: NOTICE_MAX_ATTEMPTS,
      retryMs: NOTICE_RETRY_MS,
    });
  }

  /**
   * Collects new status changes, sends what is due and deletes uploads past their retention
   * (finished cases and abandoned drafts); returns how many notices this runner sent.
   */
  async runOnce(now = new Date()): Promise<number> {
    await this.collect(now);
    const sent = await this.deliverDue(now);
    await purgeExpiredUploads(this.deps, now);
    await purgeAbandonedDraftUploads(this.deps, now);
    return sent;
  }

  async collect(now = new Date()): Promise<number> {
    const cursor = await this.deps.cursor.findById(CURSOR_ID).lean();
    let since = new Date((cursor?.since?.getTime() ?? 0) - FEED_OVERLAP_MS);
    let created = 0;
    for (let page = 0; page < 50; page++) {
      const changes = await this.deps.cases.changesSince(since, FEED_PAGE);
      for (const c of changes) created += await this.enqueue(c, now);
      if (changes.length === 0) break;
      const newest = new Date(changes[changes.length - 1].updatedAt);
      await this.deps.cursor.updateOne({ _id: CURSOR_ID }, { $max: { since: newest } }, { upsert: true });
      if (changes.length < FEED_PAGE || newest.getTime() <= since.getTime()) break;
      since = newest;
    }
    return created;
  }

  private async enqueue(c: PlatformCase, now: Date): Promise<number> {
    const app = await this.deps.applications.findById(c.externalRef, { userId: 1, caseId: 1 }).lean();
    if (!app || app.caseId !== c.caseId) return 0; // another BFF's case
    await this.deps.applications.updateOne({ _id: app._id }, { $set: { caseStatus: c.status } });
    if (FINISHED_CASE_STATUSES.includes(c.status))
      await this.deps.applications.updateOne({ _id: app._id, finishedAt: null }, { $set: { finishedAt: now } });
    const docs: NoticeDoc[] = c.events
      .filter((e) => e.type === 'STATUS')
      .map((e) => ({
        _id: `${c.caseId}:${e.no}`,
        applicationId: app._id,
        userId: app.userId,
        caseId: c.caseId,
        status: 'PENDING',
        caseStatus: e.status,
        title: e.title,
        detail: e.detail,
        itemName: c.itemName,
        at: new Date(e.at),
        attempts: 0,
        nextAttemptAt: new Date(e.at),
      }));
    if (docs.length === 0) return 0;
    try {
      const inserted = await this.deps.notices.insertMany(docs, { ordered: false });
      return inserted.length;
    } catch (error) {
      const e = error as {
        code?: number;
        writeErrors?: unknown[];
        insertedDocs?: unknown[];
        result?: { insertedCount?: number };
      };
      if (e.code === 11000 || e.writeErrors) return e.insertedDocs?.length ?? e.result?.insertedCount ?? 0;
      throw error;
    }
  }

  private deliverDue(now: Date): Promise<number> {
    return this.queue.drain(now, (notice) => this.deliver(notice));
  }

  private async deliver(n: NoticeDoc): Promise<DeliveryOutcome> {
    const account = await this.deps.accounts.findById(n.userId, { wechatOpenid: 1, mobile: 1 }).lean();
    if (account?.wechatOpenid) {
      const res = await this.deps.platform.http.request('wechat', {
        method: 'POST',
        path: '/v1/wechat/subscribe/send',
        body: {
          touser: account.wechatOpenid,
          template_id: MOVE_STATUS_TEMPLATE_ID,
          page: `pages/progress/detail/index?applicationId=${n.applicationId}`,
          data: {
            thing1: { value: n.itemName.slice(0, 20) },
            character_string2: { value: n.caseId },
            phrase3: { value: SHORT_STATUS[n.caseStatus] ?? n.caseStatus.slice(0, 5) },
            thing4: { value: (n.detail ?? n.title).slice(0, 20) },
          },
        },
      });
      const answer = wechatAnswer.safeParse(res.body);
      if (res.status === 200 && answer.success && answer.data.errcode === 0)
        return { status: 'SENT', channel: 'wechat' };
      this.deps.logger.warn(
        { status: res.status, errcode: answer.success ? answer.data.errcode : null },
        'wechat move notice refused',
      );
    }
    if (account?.mobile) {
      const result = await this.deps.platform.sms.send(account.mobile, 'NOTICE', { text: smsText(n) });
      if (result.ok) return { status: 'SENT', channel: 'sms' };
      return { status: 'RETRY', afterMs: result.retryAfterSeconds * 1000, why: 'sms rate limited' };
    }
    return { status: 'SKIPPED', why: 'no channel' };
  }
}

function smsText(n: NoticeDoc): string {
  const detail = n.detail ? `：${n.detail}` : '';
  return `您的“${n.itemName}”申请（${n.caseId}）${STATUS_TEXT[n.caseStatus] ?? n.title}${detail}。详情请在便民小程序“办事进度”查看。`.slice(
    0,
    300,
  );
}
