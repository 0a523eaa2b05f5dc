// Real-name and face-check operations of the BFF (operationIds in comments).
import { request } from './client';
import type { FaceCheckStarted, FaceCheckState, SessionGrant } from './types';

/** verifyIdentity: the page shows every failure beside the fields, so the client stays quiet. */
export function verifyIdentity(name: string, idNumber: string): Promise<SessionGrant> {
  return request('/identity/real-name', { method: 'POST', data: { name, idNumber }, quiet: true });
}

/** startFaceCheck */
export function startFaceCheck(): Promise<FaceCheckStarted> {
  return request('/identity/face-checks', { method: 'POST', data: {} });
}

/** getFaceCheck: polled in the background, so no 重试 dialog per poll. */
export function getFaceCheck(faceCheckId: string): Promise<FaceCheckState> {
  return request(`/identity/face-checks/${encodeURIComponent(faceCheckId)}`, { noRetryPrompt: true, quiet: true });
}
