// Elder mode (长辈版): one switch for the whole app, remembered in local storage across restarts.
// The provider wraps every page (app.ts); pages read it through useElderMode() / useThemeClass().
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { readStored, storageKeys, writeStored } from '@/utils/storage';

export interface ElderModeState {
  elder: boolean;
  setElder: (on: boolean) => void;
  toggle: () => void;
}

const ElderModeContext = createContext<ElderModeState>({
  elder: false,
  setElder: () => undefined,
  toggle: () => undefined,
});

export function readElderMode(): boolean {
  return readStored<boolean>(storageKeys.elderMode, false) === true;
}

export function ElderModeProvider({ children }: { children?: ReactNode }) {
  // Read synchronously so the first frame is already in the remembered mode (no flash of small text).
  const [elder, setElderState] = useState<boolean>(readElderMode);

  const setElder = useCallback((on: boolean) => {
    setElderState(on);
    writeStored(storageKeys.elderMode, on);
  }, []);
  const toggle = useCallback(() => setElder(!readElderMode()), [setElder]);

  useEffect(() => {
    // In H5 the tab bar lives outside the pages: a body class lets it grow with elder mode too.
    if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined') {
      document.body.classList.toggle('bm-elder', elder);
    }
  }, [elder]);

  const value = useMemo(() => ({ elder, setElder, toggle }), [elder, setElder, toggle]);
  return <ElderModeContext.Provider value={value}>{children}</ElderModeContext.Provider>;
}

export function useElderMode(): ElderModeState {
  return useContext(ElderModeContext);
}

/** Class names for a page root: the tokens (.theme-root) and the mode (.theme-elder / .theme-normal). */
export function useThemeClass(extra = ''): string {
  const { elder } = useElderMode();
  return ['theme-root', elder ? 'theme-elder' : 'theme-normal', extra].filter(Boolean).join(' ');
}
