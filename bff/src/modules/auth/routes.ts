// Log-in and session operations.
import { callOptions } from '../../core/budget';
import { sessionOf } from '../../core/auth';
import type { Api } from '../../core/openapi';
import { PLATFORM_FAULT_ERRORS } from '../../platform/errors';
import {
  LoggedOut,
  LoginWithSmsBody,
  LoginWithWechatBody,
  LogoutBody,
  Me,
  RequestSmsCodeBody,
  SessionIssued,
  SmsCodeSent,
} from './schema';
import type { AuthService } from './service';

const tags = ['登录与会话'];

export function registerAuthRoutes(api: Api, auth: AuthService): void {
  api.route({
    operationId: 'requestSmsCode',
    method: 'post',
    path: '/api/auth/sms-codes',
    summary: '获取短信登录验证码',
    tags,
    auth: false,
    body: RequestSmsCodeBody,
    response: SmsCodeSent,
    errors: [{ status: 429, codes: ['SMS_CODE_RATE_LIMITED'] }, ...PLATFORM_FAULT_ERRORS],
    handler: (ctx, { body }) => auth.requestSmsCode(body.mobile, ctx.ip, callOptions(ctx)),
  });

  api.route({
    operationId: 'loginWithSms',
    method: 'post',
    path: '/api/auth/sms-login',
    summary: '短信验证码登录',
    tags,
    auth: false,
    body: LoginWithSmsBody,
    response: SessionIssued,
    errors: [
      { status: 400, codes: ['SMS_CODE_INVALID', 'SMS_CODE_EXPIRED'] },
      { status: 429, codes: ['LOGIN_RATE_LIMITED'] },
      ...PLATFORM_FAULT_ERRORS,
    ],
    handler: (ctx, { body }) => auth.loginWithSms(body, ctx.ip, callOptions(ctx)),
  });

  api.route({
    operationId: 'loginWithWechat',
    method: 'post',
    path: '/api/auth/wechat-login',
    summary: '微信登录（wx.login 凭证换取会话）',
    tags,
    auth: false,
    body: LoginWithWechatBody,
    response: SessionIssued,
    errors: [
      { status: 401, codes: ['WECHAT_CODE_INVALID'] },
      { status: 429, codes: ['LOGIN_RATE_LIMITED'] },
      ...PLATFORM_FAULT_ERRORS,
    ],
    handler: (ctx, { body }) => auth.loginWithWechat(body, ctx.ip, callOptions(ctx)),
  });

  api.route({
    operationId: 'getMe',
    method: 'get',
    path: '/api/me',
    summary: '当前用户与会话',
    tags,
    auth: {},
    response: Me,
    handler: async (ctx) => auth.me(sessionOf(ctx)),
  });

  api.route({
    operationId: 'logout',
    method: 'post',
    path: '/api/auth/logout',
    summary: '退出登录（可选在所有设备退出）',
    tags,
    auth: {},
    body: LogoutBody,
    response: LoggedOut,
    handler: (ctx, { body }) => auth.logout(sessionOf(ctx), body.allDevices === true),
  });
}
