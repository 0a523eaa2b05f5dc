// SMS gateway: sends templated messages. The gateway's own per-mobile limit is reported back so
// the caller can tell the resident how long to wait.
import { z } from 'zod';
import type { CallOptions } from '../core/budget';
import type { PlatformHttp } from './http';
import { parseAnswer, unexpectedStatus } from './parse';

const SERVICE = 'sms';

export type SmsTemplate = 'LOGIN_CODE' | 'ASSIST_GRANT_CODE' | 'NOTICE';

export type SmsSendResult =
  { ok: true; messageId: string } | { ok: false; reason: 'RATE_LIMITED'; retryAfterSeconds: number };

const sent = z.object({ messageId: z.string() });
const limited = z.object({ error: z.object({ retryAfterSeconds: z.number().optional() }) });

export class SmsClient {
  constructor(private readonly http: PlatformHttp) {}

  async send(
    mobile: string,
    templateId: SmsTemplate,
    params: Record<string, string>,
    call: CallOptions = {},
  ): Promise<SmsSendResult> {
    const what = 'sms send';
    const res = await this.http.request(SERVICE, {
      method: 'POST',
      path: '/v1/sms/send',
      body: { mobile, templateId, params },
      deadline: call.deadline,
    });
    if (res.status === 200 || res.status === 201)
      return { ok: true, messageId: parseAnswer(SERVICE, what, sent, res.body).messageId };
    if (res.status === 429) {
      const body = parseAnswer(SERVICE, what, limited, res.body);
      return {
        ok: false,
        reason: 'RATE_LIMITED',
        retryAfterSeconds: Math.max(1, Math.ceil(body.error.retryAfterSeconds ?? 60)),
      };
    }
    throw unexpectedStatus(SERVICE, what, res);
  }
}
