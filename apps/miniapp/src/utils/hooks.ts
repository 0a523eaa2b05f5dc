// Small hooks shared by the forms.
import { useCallback, useEffect, useRef, useState } from 'react';
import { readStored, removeStored, writeStored } from './storage';

/**
 * Form state saved to local storage on every change, so a closed app, a phone call or a failed
 * submission never loses what was typed. `clear()` forgets it once the work is done.
 */
export function useDraft<T extends object>(key: string, initial: T) {
  const [draft, setDraft] = useState<T>(() => ({ ...initial, ...readStored<Partial<T>>(key, {}) }));
  const update = useCallback(
    (patch: Partial<T>) => {
      setDraft((current) => {
        const next = { ...current, ...patch };
        writeStored(key, next);
        return next;
      });
    },
    [key],
  );
  const clear = useCallback(() => {
    removeStored(key);
    setDraft(initial);
    // `initial` is a literal at the call site; the key identifies the draft.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return { draft, update, clear };
}

/** A seconds countdown (resend a code): start(n), and the seconds left (0 when idle). */
export function useCountdown() {
  const [left, setLeft] = useState(0);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  const stop = useCallback(() => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
  }, []);
  const start = useCallback(
    (seconds: number) => {
      stop();
      setLeft(Math.max(0, Math.ceil(seconds)));
      timer.current = setInterval(() => {
        setLeft((s) => {
          if (s <= 1) {
            stop();
            return 0;
          }
          return s - 1;
        });
      }, 1000);
    },
    [stop],
  );
  useEffect(() => stop, [stop]);
  return { left, start };
}
