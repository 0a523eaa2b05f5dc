import { z } from 'zod';
import type { SandboxModule } from '../../core/deps';
import { defineOperation, json } from '../../core/route';
import { fields } from '../../core/validation';
import { createSmsService } from './service';
import { smsSendSchema } from './templates';

export const smsRoutes: SandboxModule = (target, deps) => {
  const sms = createSmsService(deps);

  const sendBody = smsSendSchema.and(z.object({ mobile: fields.mobile }));
  defineOperation(
    target,
    {
      method: 'post',
      path: '/v1/sms/send',
      operationId: 'smsSend',
      tags: ['sms'],
      summary: 'Send an SMS from a template (limit per mobile: 1 a minute, 20 a day)',
      body: sendBody,
      errors: { 429: 'SMS_RATE_LIMITED, with retryAfterSeconds' },
      responses: { 200: json('Accepted by the gateway', z.object({ messageId: z.string() })) },
    },
    async (ctx, { body }) => {
      ctx.body = await sms.send(body);
    },
  );

  defineOperation(
    target,
    {
      method: 'get',
      path: '/sandbox/sms/outbox',
      operationId: 'sandboxSmsOutbox',
      tags: ['sandbox'],
      public: true,
      summary: 'SMS messages sent (to one mobile when given), newest first, codes included',
      query: z.object({ mobile: fields.mobile.optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
      responses: { 200: json('Messages', z.object({ messages: z.array(z.record(z.string(), z.unknown())) })) },
    },
    async (ctx, { query }) => {
      ctx.body = { messages: await sms.outbox(query.mobile, query.limit) };
    },
  );
};
