// The session token issued by the BFF. Kept in local storage so a restart stays logged in; replaced
// whenever the BFF rotates it (level raised); removed on log-out or when the BFF rejects it.
import { readStored, removeStored, storageKeys, writeStored } from '@/utils/storage';

type Listener = (token: string | null) => void;
const listeners = new Set<Listener>();

export function getToken(): string | null {
  const token = readStored<string>(storageKeys.sessionToken, '');
  return token ? token : null;
}

export function setToken(token: string): void {
  writeStored(storageKeys.sessionToken, token);
  listeners.forEach((listener) => listener(token));
}

export function clearToken(): void {
  removeStored(storageKeys.sessionToken);
  listeners.forEach((listener) => listener(null));
}

/** Called with the new token (or null) whenever it changes; returns the unsubscribe function. */
export function onTokenChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
