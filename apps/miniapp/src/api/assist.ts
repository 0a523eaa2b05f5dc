// 帮办代办 operations of the BFF (operationIds in comments) and their answer shapes. A guide acting
// for a resident sends the grant in the X-Assist-Grant header on the feature operations.
import type { Appointment, MyAppointments } from './appointments';
import { request } from './client';

export type AssistMode = 'ASSIST' | 'PROXY';
export type GrantState = 'ACTIVE' | 'EXPIRED' | 'REVOKED';

export interface ItemRef {
  code: string;
  name: string;
}

export interface AssistRequest {
  requestId: string;
  code: string;
  qrText: string;
  status: 'OPEN' | 'GRANTED' | 'EXPIRED';
  mode: AssistMode;
  modeName: string;
  items: ItemRef[];
  durationMinutes: number;
  guide: { staffId: string; name: string };
  expiresAt: string;
  grantId: string | null;
  smsSentTo: string | null;
}

export interface RequestPreview {
  requestId: string;
  guide: { staffId: string; name: string };
  items: ItemRef[];
  mode: AssistMode;
  durationMinutes: number;
  expiresAt: string;
}

export interface AssistAction {
  actionId: string;
  operationId: string;
  operationName: string;
  itemCode: string | null;
  targetId: string | null;
  result: 'OK' | 'REFUSED' | 'FAILED';
  resultName: string;
  errorCode: string | null;
  guide: { staffId: string; name: string };
  at: string;
}

export interface AssistGrant {
  grantId: string;
  mode: AssistMode;
  modeName: string;
  items: ItemRef[];
  state: GrantState;
  stateName: string;
  resident: { nameMasked: string; idNumberMasked: string | null };
  guide: { staffId: string; name: string };
  consentMethod: 'QR' | 'SMS';
  grantedAt: string;
  expiresAt: string;
  revokedAt: string | null;
  hasLetter: boolean;
  actions: AssistAction[];
}

export interface AssistLetter {
  grantId: string;
  title: string;
  letterNo: string;
  principal: { nameMasked: string; idNumberMasked: string };
  agent: { name: string; staffId: string; role: string };
  items: ItemRef[];
  validFrom: string;
  validUntil: string;
  state: GrantState;
  stateName: string;
  paragraphs: string[];
}

/** Refusals the pages explain in place (no toast). */
export const ASSIST_REFUSALS = [
  'ASSIST_REQUEST_NOT_FOUND',
  'ASSIST_REQUEST_EXPIRED',
  'ASSIST_REQUEST_USED',
  'ASSIST_RESIDENT_NOT_ELIGIBLE',
  'ASSIST_SMS_CODE_INVALID',
  'ASSIST_SMS_CODE_EXPIRED',
  'ASSIST_SMS_LIMIT',
  'ASSIST_ITEM_UNKNOWN',
  'ASSIST_ITEM_NOT_GRANTED',
  'ASSIST_GRANT_EXPIRED',
  'ASSIST_GRANT_REVOKED',
  'ASSIST_MODE_NOT_PROXY',
  'SMS_CODE_RATE_LIMITED',
  'LEVEL_REQUIRED',
  'VALIDATION_FAILED',
  'SLOT_FULL',
  'ALREADY_BOOKED_THAT_DAY',
  'SLOT_NOT_BOOKABLE',
  'BOOKING_SUSPENDED',
] as const;

const quiet = ASSIST_REFUSALS;

/** createAssistRequest */
export function createAssistRequest(input: { items: string[]; mode: AssistMode; durationMinutes: number }) {
  return request<AssistRequest>('/assist/requests', { method: 'POST', data: input, quiet });
}

/** getAssistRequest (the guide watches for the resident's consent) */
export function getAssistRequest(requestId: string) {
  return request<AssistRequest>(`/assist/requests/${encodeURIComponent(requestId)}`, {
    noRetryPrompt: true,
    quiet: true,
  });
}

/** previewAssistRequest */
export function previewAssistRequest(code: string) {
  return request<RequestPreview>(`/assist/requests/by-code/${encodeURIComponent(code)}`, { quiet });
}

/** grantAssist */
export function grantAssist(code: string) {
  return request<AssistGrant>('/assist/grants', { method: 'POST', data: { code }, quiet });
}

/** sendAssistSmsCode */
export function sendAssistSmsCode(requestId: string, mobile: string) {
  return request<{ sentTo: string; expiresInSeconds: number; sendsLeft: number }>(
    `/assist/requests/${encodeURIComponent(requestId)}/sms-code`,
    { method: 'POST', data: { mobile }, quiet },
  );
}

/** grantAssistBySms */
export function grantAssistBySms(requestId: string, code: string) {
  return request<AssistGrant>(`/assist/requests/${encodeURIComponent(requestId)}/sms-grant`, {
    method: 'POST',
    data: { code },
    quiet,
  });
}

/** revokeAssist */
export function revokeAssist(grantId: string) {
  return request<AssistGrant>(`/assist/grants/${encodeURIComponent(grantId)}/revoke`, { method: 'POST', data: {} });
}

/** listMyGrants */
export function listMyGrants() {
  return request<{ grants: AssistGrant[] }>('/assist/grants', { quiet: ['UNAUTHENTICATED'] });
}

/** listGuideGrants */
export function listGuideGrants(state?: 'OPEN' | 'PAST') {
  return request<{ grants: AssistGrant[] }>(`/assist/guide-grants${state ? `?state=${state}` : ''}`, {
    quiet: ['UNAUTHENTICATED', 'FORBIDDEN'],
  });
}

/** getAssistLetter */
export function getAssistLetter(grantId: string) {
  return request<AssistLetter>(`/assist/grants/${encodeURIComponent(grantId)}/letter`, { quiet });
}

const underGrant = (grantId: string) => ({ 'X-Assist-Grant': grantId });

/** bookAppointment for a resident under a proxy grant. */
export function bookForResident(
  grantId: string,
  input: { hallId: string; itemCode: string; slotId: string },
  idempotencyKey: string,
) {
  return request<Appointment>('/appointments', {
    method: 'POST',
    data: input,
    quiet,
    headers: { ...underGrant(grantId), 'Idempotency-Key': idempotencyKey },
  });
}

/** listMyAppointments for a resident under a proxy grant (only the granted items come back). */
export function listResidentAppointments(grantId: string) {
  return request<MyAppointments>('/appointments', { quiet, headers: underGrant(grantId) });
}
