import { z } from 'zod';
import type { SandboxModule } from '../../core/deps';
import { defineOperation, json } from '../../core/route';
import { createWechatService, WECHAT_ERRORS } from './service';

const openid = z.string().regex(/^o[A-Za-z0-9_-]{27}$/, '应为 28 位 openid（以 o 开头）');

const sessionQuery = z.object({
  appid: z.string().optional(),
  secret: z.string().optional(),
  js_code: z.string().optional(),
  grant_type: z.string().optional(),
});
const wechatError = z.object({ errcode: z.number().int(), errmsg: z.string() }).openapi('WechatError');
const sessionResult = z.union([
  z.object({ openid: z.string(), session_key: z.string(), unionid: z.string() }),
  wechatError,
]);

const sendBody = z.object({
  touser: z.string(),
  template_id: z.string(),
  page: z.string().max(512).optional(),
  data: z.record(z.string(), z.object({ value: z.string().max(200) })),
  miniprogram_state: z.enum(['developer', 'trial', 'formal']).optional(),
  lang: z.string().optional(),
});

export const wechatRoutes: SandboxModule = (target, deps) => {
  const wechat = createWechatService(deps);
  const { wechatAppId, wechatSecret } = deps.config;

  defineOperation(
    target,
    {
      method: 'get',
      path: '/v1/wechat/sns/jscode2session',
      operationId: 'wechatCode2Session',
      tags: ['wechat'],
      summary: 'Exchange a wx.login code for openid and session_key (single use, valid 300 s)',
      query: sessionQuery,
      rawInput: true,
      responses: { 200: json('Session, or a WeChat error (errcode) with HTTP 200', sessionResult) },
    },
    async (ctx) => {
      const query = sessionQuery.safeParse(ctx.query);
      const q = query.success ? query.data : {};
      // Checked in WeChat's order: missing code, app credentials, grant type, then the code itself.
      if (!q.js_code) ctx.body = WECHAT_ERRORS.missingCode;
      else if (q.appid !== wechatAppId) ctx.body = WECHAT_ERRORS.invalidAppId;
      else if (q.secret !== wechatSecret) ctx.body = WECHAT_ERRORS.invalidSecret;
      else if (q.grant_type !== 'authorization_code') ctx.body = WECHAT_ERRORS.invalidGrantType;
      else if (!/^[A-Za-z0-9_-]{8,64}$/.test(q.js_code)) ctx.body = WECHAT_ERRORS.invalidCode;
      else ctx.body = await wechat.exchange(q.js_code);
    },
  );

  defineOperation(
    target,
    {
      method: 'post',
      path: '/v1/wechat/subscribe/send',
      operationId: 'wechatSendSubscribeMessage',
      tags: ['wechat'],
      summary: 'Send a subscription message to a user (recorded in the outbox)',
      body: sendBody,
      rawInput: true,
      responses: {
        200: json(
          'errcode 0 with msgid, or a WeChat error with HTTP 200',
          z.object({ errcode: z.number(), errmsg: z.string(), msgid: z.string().optional() }),
        ),
      },
    },
    async (ctx) => {
      const parsed = sendBody.safeParse((ctx.request as { body?: unknown }).body);
      if (!parsed.success) {
        ctx.body = WECHAT_ERRORS.argumentInvalid;
        return;
      }
      const body = parsed.data;
      if (!openid.safeParse(body.touser).success) ctx.body = WECHAT_ERRORS.invalidOpenid;
      else if (!/^[A-Za-z0-9_-]{8,64}$/.test(body.template_id)) ctx.body = WECHAT_ERRORS.invalidTemplate;
      else {
        ctx.body = await wechat.send({
          touser: body.touser,
          templateId: body.template_id,
          page: body.page,
          data: body.data,
          miniprogramState: body.miniprogram_state,
        });
      }
    },
  );

  defineOperation(
    target,
    {
      method: 'post',
      path: '/sandbox/wechat/code',
      operationId: 'sandboxWechatCode',
      tags: ['sandbox'],
      public: true,
      summary: 'What wx.login gives a client: a fresh code for an openid',
      body: z.object({ openid }),
      responses: { 200: json('A single-use code', z.object({ code: z.string(), expiresIn: z.number() })) },
    },
    async (ctx, { body }) => {
      ctx.body = await wechat.issueCode(body.openid);
    },
  );

  defineOperation(
    target,
    {
      method: 'get',
      path: '/sandbox/wechat/outbox',
      operationId: 'sandboxWechatOutbox',
      tags: ['sandbox'],
      public: true,
      summary: 'Subscription messages sent, newest first',
      query: z.object({ openid: openid.optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
      responses: { 200: json('Messages', z.object({ messages: z.array(z.record(z.string(), z.unknown())) })) },
    },
    async (ctx, { query }) => {
      ctx.body = { messages: await wechat.outbox(query.openid, query.limit) };
    },
  );
};
