// Notices to residents (a staff answer, a rectification answer): a WeChat subscription message
// for a mini-program user, an SMS NOTICE otherwise or when WeChat refuses. Each event is claimed
// by inserting its key (unique _id) before anything is sent, so it goes out once even when the
// same answer is processed twice. A failed send is recorded, never thrown at the staff member.
import { z } from 'zod';
import type { Types } from 'mongoose';
import type { Logger } from '../../core/logger';
import type { Platform } from '../../platform';
import type { AccountModel } from '../accounts/model';
import type { QuestionModels } from './model';

/** The subscription template residents consent to for answers (服务进度通知). */
export const ANSWER_TEMPLATE_ID = 'BIANMIN_QUERY_ANSWERED';

export interface Notice {
  /** Unique per event. */
  key: string;
  userId: Types.ObjectId;
  /** ≤ 20 characters (WeChat `thing` fields). */
  title: string;
  /** The SMS text (≤ 300 characters). */
  text: string;
  page: string;
}

const wechatAnswer = z.object({ errcode: z.number() });

export class Notifier {
  constructor(
    private readonly deps: {
      models: QuestionModels;
      accounts: AccountModel;
      platform: Pick<Platform, 'http' | 'sms'>;
      logger: Logger;
    },
  ) {}

  async send(notice: Notice, now: Date): Promise<'SENT' | 'FAILED' | 'ALREADY_SENT'> {
    const { notifications } = this.deps.models;
    try {
      await notifications.create({ _id: notice.key, userId: notice.userId, status: 'SENDING', createdAt: now });
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return 'ALREADY_SENT';
      throw error;
    }
    let channel: 'wechat' | 'sms' | null = null;
    let outcome = 'no channel';
    try {
      const account = await this.deps.accounts.findById(notice.userId, { wechatOpenid: 1, mobile: 1 }).lean();
      if (account?.wechatOpenid && (await this.sendWechat(account.wechatOpenid, notice))) channel = 'wechat';
      else if (account?.mobile) {
        const sent = await this.deps.platform.sms.send(account.mobile, 'NOTICE', { text: notice.text.slice(0, 300) });
        if (sent.ok) channel = 'sms';
        else outcome = 'sms rate limited';
      }
    } catch (error) {
      outcome = error instanceof Error ? error.message : 'send failed';
    }
    await notifications.updateOne(
      { _id: notice.key },
      channel ? { $set: { status: 'SENT', channel, sentAt: now } } : { $set: { status: 'FAILED', outcome } },
    );
    if (!channel) this.deps.logger.warn({ notice: notice.key, outcome }, 'resident notice not sent');
    return channel ? 'SENT' : 'FAILED';
  }

  private async sendWechat(openid: string, notice: Notice): Promise<boolean> {
    const res = await this.deps.platform.http.request('wechat', {
      method: 'POST',
      path: '/v1/wechat/subscribe/send',
      body: {
        touser: openid,
        template_id: ANSWER_TEMPLATE_ID,
        page: notice.page,
        data: { thing1: { value: notice.title.slice(0, 20) }, thing2: { value: notice.text.slice(0, 20) } },
      },
    });
    const answer = wechatAnswer.safeParse(res.body);
    return res.status === 200 && answer.success && answer.data.errcode === 0;
  }
}
