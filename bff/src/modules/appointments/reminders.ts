// The day-before reminder job. Reminders live in MongoDB; every BFF instance runs this job on an
// interval, and each reminder is claimed with one conditional update before it is sent, so it
// goes out once whatever the number of instances or restarts. A claim holds a short lease: if
// its instance dies before recording the outcome, another may claim it after the lease (the one
// case where a reminder can go out twice, preferred to never).
import dayjs from 'dayjs';
import { z } from 'zod';
import { LeasedQueue, LeasedQueueJob, type DeliveryOutcome } from '../../core/leased-queue';
import type { Logger } from '../../core/logger';
import { ZONE } from '../../core/time';
import type { Platform } from '../../platform';
import type { HallsClient, PlatformAppointment } from '../../platform/halls';
import type { AccountModel } from '../accounts/model';
import type { ReminderDoc, ReminderModel } from './model';
import {
  REMINDER_INTERVAL_MS,
  REMINDER_LEASE_MS,
  REMINDER_MAX_ATTEMPTS,
  REMINDER_RETRY_MS,
  REMINDER_TEMPLATE_ID,
} from './rules';

export interface ReminderJobDeps {
  reminders: ReminderModel;
  accounts: AccountModel;
  halls: HallsClient;
  platform: Pick<Platform, 'http' | 'sms'>;
  logger: Logger;
}

const wechatAnswer = z.object({ errcode: z.number(), errmsg: z.string().optional() });

export class ReminderJob extends LeasedQueueJob {
  protected readonly queue: LeasedQueue<ReminderDoc>;

  constructor(private readonly deps: ReminderJobDeps) {
    super('reminder', deps.logger, REMINDER_INTERVAL_MS);
    this.queue = new LeasedQueue<ReminderDoc>({
      name: 'appointment reminder',
      model: deps.reminders,
      logger: deps.logger,
      dueField: 'remindAt',
      sortField: 'remindAt',
      leaseMs: REMINDER_LEASE_MS,
      maxAttempts: REMINDER_MAX_ATTEMPTS,
      retryMs: REMINDER_RETRY_MS,
      // A reminder whose appointment has begun is no longer worth sending.
      alsoWhere: (now) => ({ startsAt: { $gt: now } }),
    });
  }

  /** Sends every reminder due at `now`; returns how many this runner sent. */
  runOnce(now = new Date()): Promise<number> {
    return this.queue.drain(now, (reminder) => this.deliver(reminder));
  }

  private async deliver(reminder: ReminderDoc): Promise<DeliveryOutcome> {
    // The hall service is the truth: a cancelled or moved booking gets no (stale) reminder.
    const appointment = await this.deps.halls.getAppointment(reminder._id);
    if (!appointment || appointment.status !== 'BOOKED')
      return { status: 'SKIPPED', why: 'appointment no longer booked' };
    if (appointment.slotId !== reminder.slotId) return { status: 'SKIPPED', why: 'appointment moved' };
    const account = await this.deps.accounts.findById(reminder.userId, { wechatOpenid: 1, mobile: 1 }).lean();
    if (account?.wechatOpenid) {
      const sent = await this.sendWechat(account.wechatOpenid, appointment);
      if (sent) return { status: 'SENT', channel: 'wechat' };
    }
    if (account?.mobile) {
      const result = await this.deps.platform.sms.send(account.mobile, 'NOTICE', { text: smsText(appointment) });
      if (result.ok) return { status: 'SENT', channel: 'sms' };
      return { status: 'RETRY', afterMs: result.retryAfterSeconds * 1000, why: 'sms rate limited' };
    }
    return { status: 'SKIPPED', why: 'no channel' };
  }

  /** True when WeChat accepted the message; false when the user has not subscribed (fall back). */
  private async sendWechat(openid: string, a: PlatformAppointment): Promise<boolean> {
    const res = await this.deps.platform.http.request('wechat', {
      method: 'POST',
      path: '/v1/wechat/subscribe/send',
      body: {
        touser: openid,
        template_id: REMINDER_TEMPLATE_ID,
        page: `pages/appointments/index?appointmentId=${a.appointmentId}`,
        data: {
          thing1: { value: a.itemName.slice(0, 20) },
          time2: { value: `${a.date} ${a.start}` },
          thing3: { value: a.hallName.slice(0, 20) },
          character_string4: { value: a.checkInCode },
          thing5: { value: '请提前 10 分钟到达，凭签到码签到' },
        },
      },
    });
    const answer = wechatAnswer.safeParse(res.body);
    if (res.status === 200 && answer.success && answer.data.errcode === 0) return true;
    this.deps.logger.warn(
      { status: res.status, errcode: answer.success ? answer.data.errcode : null },
      'wechat reminder refused',
    );
    return false;
  }
}

function smsText(a: PlatformAppointment): string {
  const when = dayjs(a.startsAt).tz(ZONE).format('M月D日 HH:mm');
  return `您已预约${when}在${a.hallName}办理“${a.itemName}”，签到码 ${a.checkInCode}。请携带身份证提前 10 分钟到达；如不能前往，请在开始前 1 小时取消。`;
}
