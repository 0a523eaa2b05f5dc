// WeChat log-in: exchanges a wx.login code for openid and session_key (jscode2session).
// WeChat answers failures with HTTP 200 and an errcode.
import { z } from 'zod';
import type { CallOptions } from '../core/budget';
import type { PlatformHttp } from './http';
import { parseAnswer, unexpectedStatus } from './parse';
import { platformErrors } from './errors';

const SERVICE = 'wechat';

const sessionAnswer = z.object({
  openid: z.string().min(1),
  session_key: z.string().min(1),
  unionid: z.string().optional(),
});
const errorAnswer = z.object({ errcode: z.number(), errmsg: z.string().optional() });

/** Codes that mean the code itself is bad, used or expired: the caller's problem, not ours. */
const CODE_ERRORS = new Set([40029, 40163, 45011]);

export type CodeExchange =
  | { ok: true; openid: string; sessionKey: string; unionid?: string }
  | { ok: false; reason: 'INVALID_CODE'; errcode: number };

export class WechatClient {
  constructor(
    private readonly http: PlatformHttp,
    private readonly app: { appId: string; secret: string },
  ) {}

  async jscode2session(code: string, call: CallOptions = {}): Promise<CodeExchange> {
    const what = 'jscode2session';
    const res = await this.http.request(SERVICE, {
      method: 'GET',
      path: '/v1/wechat/sns/jscode2session',
      query: { appid: this.app.appId, secret: this.app.secret, js_code: code, grant_type: 'authorization_code' },
      deadline: call.deadline,
    });
    if (res.status !== 200) throw unexpectedStatus(SERVICE, what, res);
    const body = res.body as Record<string, unknown>;
    if (typeof body?.errcode === 'number' && body.errcode !== 0) {
      const { errcode } = parseAnswer(SERVICE, what, errorAnswer, body);
      if (CODE_ERRORS.has(errcode)) return { ok: false, reason: 'INVALID_CODE', errcode };
      // Wrong app id or secret: our configuration, not the resident's code.
      throw platformErrors.badGateway(SERVICE, `${what}: errcode ${errcode}`);
    }
    const answer = parseAnswer(SERVICE, what, sessionAnswer, body);
    return { ok: true, openid: answer.openid, sessionKey: answer.session_key, unionid: answer.unionid };
  }
}
