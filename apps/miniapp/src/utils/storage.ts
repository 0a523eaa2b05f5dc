// Local storage that never throws: a full or unavailable store (private mode, quota) must not
// break a page; the worst case is forgetting a preference or a draft.
import Taro from '@tarojs/taro';

export function readStored<T>(key: string, fallback: T): T {
  try {
    const value = Taro.getStorageSync(key) as T | '' | undefined;
    return value === '' || value === undefined || value === null ? fallback : value;
  } catch {
    return fallback;
  }
}

export function writeStored<T>(key: string, value: T): void {
  try {
    Taro.setStorageSync(key, value);
  } catch {
    // Storage full or unavailable: the in-memory state still works for this visit.
  }
}

export function removeStored(key: string): void {
  try {
    Taro.removeStorageSync(key);
  } catch {
    // Nothing to remove.
  }
}

/** Storage keys in one list, so two features never collide. */
export const storageKeys = {
  elderMode: 'bianmin.elderMode',
  sessionToken: 'bianmin.session.token',
  loginDraft: 'bianmin.draft.login',
  identityDraft: 'bianmin.draft.identity',
  pendingFaceCheck: 'bianmin.faceCheck.pending',
} as const;
