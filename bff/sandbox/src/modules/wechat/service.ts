// WeChat login (jscode2session) and subscription messages, as WeChat's servers behave:
// codes are single-use and valid 300 s; failures are HTTP 200 with errcode/errmsg.
import { randomBytes, randomInt } from 'node:crypto';
import type { Deps } from '../../core/deps';

export const CODE_LIFETIME_SECONDS = 300;
const PURGE_AFTER_MS = 24 * 3600_000;

export type WechatError = { errcode: number; errmsg: string };
export const WECHAT_ERRORS = {
  invalidCode: { errcode: 40029, errmsg: 'invalid code' },
  codeUsed: { errcode: 40163, errmsg: 'code been used' },
  invalidAppId: { errcode: 40013, errmsg: 'invalid appid' },
  invalidSecret: { errcode: 40125, errmsg: 'invalid appsecret' },
  invalidGrantType: { errcode: 40002, errmsg: 'invalid grant_type' },
  missingCode: { errcode: 41008, errmsg: 'missing code' },
  invalidOpenid: { errcode: 40003, errmsg: 'invalid openid' },
  invalidTemplate: { errcode: 40037, errmsg: 'invalid template_id' },
  argumentInvalid: { errcode: 47003, errmsg: 'argument invalid!' },
} satisfies Record<string, WechatError>;

export function createWechatService({ models, clock }: Deps) {
  return {
    async issueCode(openid: string): Promise<{ code: string; expiresIn: number }> {
      const now = clock.now();
      const code = randomBytes(24).toString('base64url');
      await models.WechatCode.create({
        _id: code,
        openid,
        createdAt: now,
        expiresAt: new Date(now.getTime() + CODE_LIFETIME_SECONDS * 1000),
        usedAt: null,
        purgeAt: new Date(Date.now() + PURGE_AFTER_MS),
      });
      return { code, expiresIn: CODE_LIFETIME_SECONDS };
    },

    /** Exchanges a code once; a second exchange or an expired code is refused. */
    async exchange(code: string): Promise<{ openid: string; session_key: string; unionid: string } | WechatError> {
      const now = clock.now();
      const found = await models.WechatCode.findById(code).lean();
      if (!found || found.expiresAt.getTime() <= now.getTime()) return WECHAT_ERRORS.invalidCode;
      if (found.usedAt) return WECHAT_ERRORS.codeUsed;
      // Conditional update: of two concurrent exchanges only one finds usedAt still null.
      const claimed = await models.WechatCode.findOneAndUpdate(
        { _id: code, usedAt: null },
        { $set: { usedAt: now } },
        { new: true },
      ).lean();
      if (!claimed) return WECHAT_ERRORS.codeUsed;
      return {
        openid: found.openid,
        session_key: randomBytes(16).toString('base64'),
        unionid: `oU${found.openid.slice(2)}`,
      };
    },

    async send(input: {
      touser: string;
      templateId: string;
      page?: string;
      data: Record<string, { value: string }>;
      miniprogramState?: string;
    }) {
      const msgid = String(randomInt(1e14, 2 ** 47));
      await models.WechatMessage.create({
        msgid,
        touser: input.touser,
        templateId: input.templateId,
        page: input.page ?? null,
        data: input.data,
        miniprogramState: input.miniprogramState ?? 'formal',
        createdAt: clock.now(),
      });
      return { errcode: 0, errmsg: 'ok', msgid };
    },

    async outbox(openid: string | undefined, limit: number) {
      const docs = await models.WechatMessage.find(openid ? { touser: openid } : {})
        .sort({ _id: -1 })
        .limit(limit)
        .lean();
      return docs.map(({ _id, ...message }) => ({ ...message, createdAt: message.createdAt.toISOString() }));
    },
  };
}
