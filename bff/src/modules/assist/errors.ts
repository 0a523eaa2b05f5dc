// The refusals of the assist module, each with a stable code and words a resident or guide can act on.
import { AppError } from '../../core/errors';

export const assistErrors = {
  notGuide: () => new AppError(403, 'FORBIDDEN', '只有社区帮办员可以代居民办理'),
  notInDirectory: () => new AppError(403, 'GUIDE_NOT_IN_DIRECTORY', '未在帮办员名册中找到您的账号，请联系街道管理员'),
  unknownItems: (codes: string[]) =>
    new AppError(422, 'ASSIST_ITEM_UNKNOWN', `事项编码不存在：${codes.join('、')}`, { itemCodes: codes }),
  requestNotFound: () => new AppError(404, 'ASSIST_REQUEST_NOT_FOUND', '授权码不正确，请核对帮办员出示的授权码'),
  requestExpired: () => new AppError(410, 'ASSIST_REQUEST_EXPIRED', '授权码已过期，请帮办员重新生成'),
  requestUsed: () => new AppError(409, 'ASSIST_REQUEST_USED', '该授权码已使用，请帮办员重新生成'),
  residentNotEligible: () =>
    new AppError(
      422,
      'ASSIST_RESIDENT_NOT_ELIGIBLE',
      '该手机号未注册便民账号或未完成实名认证，请居民先登录便民小程序完成实名认证',
    ),
  smsCodeInvalid: (remainingAttempts: number) =>
    new AppError(
      400,
      'ASSIST_SMS_CODE_INVALID',
      remainingAttempts > 0
        ? `授权码不正确，还可尝试 ${remainingAttempts} 次`
        : '授权码错误次数过多，已失效，请重新发送',
      { remainingAttempts },
    ),
  smsCodeExpired: () => new AppError(400, 'ASSIST_SMS_CODE_EXPIRED', '短信授权码已过期或未发送，请重新发送'),
  smsSendsExceeded: () =>
    new AppError(429, 'ASSIST_SMS_LIMIT', '该授权请求发送短信次数已达上限，请重新生成授权请求', {
      retryAfterSeconds: 60,
    }),
  grantNotFound: () => new AppError(404, 'ASSIST_GRANT_NOT_FOUND', '未找到该授权'),
  notYourGrant: () => new AppError(403, 'FORBIDDEN', '该授权不属于您，不能凭它办理'),
  expired: () => new AppError(403, 'ASSIST_GRANT_EXPIRED', '该授权已到期，请居民重新授权'),
  revoked: () => new AppError(403, 'ASSIST_GRANT_REVOKED', '居民已撤销该授权'),
  notProxy: () =>
    new AppError(403, 'ASSIST_MODE_NOT_PROXY', '该授权为帮办（居民本人办理），不能代办；如需代办请居民授权代办'),
  noLetter: () => new AppError(422, 'ASSIST_MODE_NOT_PROXY', '帮办授权由居民本人办理，不出具委托书'),
};
