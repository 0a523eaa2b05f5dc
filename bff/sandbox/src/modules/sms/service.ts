// SMS gateway: sends (into the outbox) with a gateway-like limit per mobile: one message a
// minute and 20 a calendar day (Asia/Shanghai), both on the sandbox clock.
import { SandboxError } from '../../core/errors';
import type { Deps } from '../../core/deps';
import { renderSms, type SmsSendInput } from './templates';

export const SMS_LIMITS = { perMinute: 1, intervalSeconds: 60, perDay: 20 } as const;
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** Shanghai calendar day of an instant, and the instant the next day starts. */
function shanghaiDay(now: Date): { day: string; nextDayStart: Date } {
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  const day = local.toISOString().slice(0, 10);
  const nextDayStart = new Date(Date.parse(`${day}T00:00:00Z`) + 24 * 3600_000 - SHANGHAI_OFFSET_MS);
  return { day, nextDayStart };
}

export function createSmsService({ models, clock }: Deps) {
  return {
    async send(input: SmsSendInput): Promise<{ messageId: string }> {
      const now = clock.now();
      const { day, nextDayStart } = shanghaiDay(now);
      const last = await models.SmsMessage.findOne({ mobile: input.mobile }).sort({ createdAt: -1 }).lean();
      if (last) {
        const elapsed = (now.getTime() - last.createdAt.getTime()) / 1000;
        if (elapsed >= 0 && elapsed < SMS_LIMITS.intervalSeconds) {
          throw new SandboxError(429, 'SMS_RATE_LIMITED', '发送过于频繁，请稍后再试', {
            retryAfterSeconds: Math.ceil(SMS_LIMITS.intervalSeconds - elapsed),
          });
        }
      }
      const today = await models.SmsMessage.countDocuments({ mobile: input.mobile, day });
      if (today >= SMS_LIMITS.perDay) {
        throw new SandboxError(429, 'SMS_RATE_LIMITED', '该号码今日短信发送次数已达上限', {
          retryAfterSeconds: Math.ceil((nextDayStart.getTime() - now.getTime()) / 1000),
        });
      }
      const { text, code } = renderSms(input);
      const created = await models.SmsMessage.create({
        mobile: input.mobile,
        templateId: input.templateId,
        params: input.params,
        text,
        code,
        day,
        createdAt: now,
      });
      return { messageId: created._id.toHexString() };
    },

    async outbox(mobile: string | undefined, limit: number) {
      const docs = await models.SmsMessage.find(mobile ? { mobile } : {})
        .sort({ createdAt: -1, _id: -1 })
        .limit(limit)
        .lean();
      return docs.map(({ _id, day: _day, ...message }) => ({
        messageId: _id.toHexString(),
        ...message,
        createdAt: message.createdAt.toISOString(),
      }));
    },
  };
}
