// The face check, one interface on both builds. The BFF starts a check (startFaceCheck) and is the
// only judge of its result (getFaceCheck, re-checked with the platform): the client merely opens
// the face flow and then polls.
// - H5: the platform's face page (h5Url) opens in a new window; the resident returns here.
// - Mini-program: WeChat's 人脸核身 (wx.startFacialRecognitionVerify) with the check's key.
import Taro from '@tarojs/taro';
import { getFaceCheck } from '@/api/identity';
import type { FaceCheckStarted, FaceCheckState } from '@/api/types';

export const FACE_POLL_INTERVAL_MS = 2000;

/** Opens the face flow. Resolves false when the resident cancelled it (mini-program only). */
export async function openFaceFlow(started: FaceCheckStarted): Promise<boolean> {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      // userIdKey: the platform's key for this check; the BFF maps faceCheckId to it.
      await (
        Taro as unknown as { startFacialRecognitionVerify(o: Record<string, unknown>): Promise<unknown> }
      ).startFacialRecognitionVerify({
        userIdKey: started.faceCheckId,
        checkAliveType: 2,
      });
      return true;
    } catch {
      return false;
    }
  }
  // Even if the pop-up was blocked, the waiting screen offers the page again as a tap.
  openFacePage(started.h5Url);
  return true;
}

/** H5: a new window keeps this page (and its polling) alive; a blocked pop-up falls back to a link the resident taps. */
export function openFacePage(url: string): boolean {
  if (typeof window === 'undefined') return false;
  // Not 'noopener' in the features: with it window.open always returns null and a blocked pop-up
  // could not be told apart. The opener link is cut by hand instead.
  const opened = window.open(url, '_blank');
  if (opened) opened.opener = null;
  return opened !== null;
}

/**
 * Polls the BFF until the check is decided (PASS, FAIL, EXPIRED) or `shouldStop()` says so
 * (page left). Network hiccups are retried quietly; a decided check ends the loop.
 */
export async function waitForFaceResult(
  faceCheckId: string,
  shouldStop: () => boolean,
  intervalMs = FACE_POLL_INTERVAL_MS,
): Promise<FaceCheckState | null> {
  while (!shouldStop()) {
    try {
      const state = await getFaceCheck(faceCheckId);
      if (state.status !== 'PENDING') return state;
    } catch (error) {
      // A 4xx (unknown or foreign check) will not get better: stop. Network or 5xx: keep polling.
      const status = (error as { status?: number }).status;
      if (status && status >= 400 && status < 500) return { faceCheckId, status: 'EXPIRED' };
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return null;
}
