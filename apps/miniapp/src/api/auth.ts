// Log-in and session operations of the BFF (operationIds in comments).
import { request } from './client';
import type { Me, SessionGrant } from './types';

export interface SmsCodeSent {
  sentTo: string;
  expiresInSeconds: number;
  resendAfterSeconds: number;
}

/** Which device a session belongs to, so 我的 can tell sessions apart. */
function deviceName(): string {
  return process.env.TARO_ENV === 'weapp' ? 'weapp' : 'h5';
}

/** requestSmsCode */
export function requestSmsCode(mobile: string): Promise<SmsCodeSent> {
  return request('/auth/sms-codes', { method: 'POST', data: { mobile }, auth: false, quiet: true });
}

/** loginWithSms */
export function loginWithSms(mobile: string, code: string): Promise<SessionGrant> {
  return request('/auth/sms-login', {
    method: 'POST',
    data: { mobile, code, device: deviceName() },
    auth: false,
    quiet: true,
  });
}

/** loginWithWechat */
export function loginWithWechat(code: string): Promise<SessionGrant> {
  return request('/auth/wechat-login', { method: 'POST', data: { code, device: deviceName() }, auth: false });
}

/** getMe */
export function getMe(): Promise<Me> {
  return request('/me', { quiet: true });
}

/** logout */
export function logout(allDevices = false): Promise<{ loggedOut: number }> {
  return request('/auth/logout', { method: 'POST', data: { allDevices } });
}
