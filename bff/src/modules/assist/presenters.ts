// What leaves the server about requests, grants, actions and the proxy letter: masked names,
// the guide's staff number and name, states worked out from the clock.
import dayjs from 'dayjs';
import { ZONE } from '../../core/time';
import type { AssistActionDoc, AssistGrantDoc, AssistRequestDoc } from './model';
import { grantState, LETTER_DECLARATION, LETTER_TITLE, MODE_NAMES, qrTextOf, STATE_NAMES } from './rules';

const chinaTime = (d: Date) => dayjs(d).tz(ZONE).format('YYYY年M月D日 HH:mm');

export function presentRequest(doc: AssistRequestDoc, now: Date) {
  const status: AssistRequestDoc['status'] | 'EXPIRED' =
    doc.status === 'OPEN' && doc.expiresAt.getTime() <= now.getTime() ? 'EXPIRED' : doc.status;
  return {
    requestId: doc._id,
    code: doc.code,
    qrText: qrTextOf(doc.code),
    status,
    mode: doc.mode,
    modeName: MODE_NAMES[doc.mode],
    items: doc.items,
    durationMinutes: doc.durationMinutes,
    guide: { staffId: doc.guide.staffId, name: doc.guide.name },
    expiresAt: doc.expiresAt.toISOString(),
    grantId: doc.grantId,
    smsSentTo: doc.sms?.mobileMasked ?? null,
  };
}

const RESULT_NAMES = { OK: '已办理', REFUSED: '被拒绝', FAILED: '未成功' } as const;

export function presentAction(a: AssistActionDoc) {
  return {
    actionId: String(a._id),
    operationId: a.operationId,
    operationName: a.operationName,
    itemCode: a.itemCode,
    targetId: a.targetId,
    result: a.result,
    resultName: RESULT_NAMES[a.result],
    errorCode: a.errorCode,
    guide: { staffId: a.guide.staffId, name: a.guide.name },
    at: a.at.toISOString(),
  };
}

export function presentGrant(g: AssistGrantDoc, actions: AssistActionDoc[], now: Date, viewer: 'resident' | 'guide') {
  const state = grantState(g, now);
  return {
    grantId: g._id,
    mode: g.mode,
    modeName: MODE_NAMES[g.mode],
    items: g.items,
    state,
    stateName: STATE_NAMES[state],
    resident: {
      nameMasked: g.resident.nameMasked,
      // The guide needs to know whom they help, not the ID number.
      idNumberMasked: viewer === 'resident' ? g.resident.idNumberMasked : null,
    },
    guide: { staffId: g.guide.staffId, name: g.guide.name },
    consentMethod: g.consent.method,
    grantedAt: g.createdAt.toISOString(),
    expiresAt: g.expiresAt.toISOString(),
    revokedAt: g.revokedAt ? g.revokedAt.toISOString() : null,
    hasLetter: g.mode === 'PROXY',
    actions: actions.map(presentAction),
  };
}

export function presentLetter(g: AssistGrantDoc, now: Date) {
  const state = grantState(g, now);
  const items = g.items.map((i) => i.name).join('、');
  const consent =
    g.consent.method === 'QR' ? '委托人在本人便民账号中扫码确认' : '委托人以注册手机号收到的短信验证码确认';
  return {
    grantId: g._id,
    title: LETTER_TITLE,
    letterNo: `代办委字第${g.letterNo}号`,
    principal: { nameMasked: g.resident.nameMasked, idNumberMasked: g.resident.idNumberMasked },
    agent: { name: g.guide.name, staffId: g.guide.staffId, role: '社区帮办员' },
    items: g.items,
    validFrom: g.createdAt.toISOString(),
    validUntil: g.expiresAt.toISOString(),
    consentMethod: g.consent.method,
    state,
    stateName: STATE_NAMES[state],
    revokedAt: g.revokedAt ? g.revokedAt.toISOString() : null,
    paragraphs: [
      `委托人${g.resident.nameMasked}（身份证号 ${g.resident.idNumberMasked}）委托社区帮办员${g.guide.name}（工号 ${g.guide.staffId}）代为办理：${items}。`,
      `委托期限：${chinaTime(g.createdAt)} 至 ${chinaTime(g.expiresAt)}。`,
      `确认方式：${consent}，确认时间 ${chinaTime(g.consent.at)}。`,
      ...LETTER_DECLARATION,
      ...(g.revokedAt ? [`委托人已于 ${chinaTime(g.revokedAt)} 撤销本委托。`] : []),
    ],
  };
}
