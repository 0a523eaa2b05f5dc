// Pieces shared by the certificate pages: page routes, the status badge (text as well as colour),
// field lists grouped by section, and the face gate that runs the identity face flow.
import { Text, View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import type { CertificateField, CertificateStatus } from '@/api/certificates';
import { startFaceCheck } from '@/api/identity';
import { messages } from '@/messages/zh-CN';
import { openFaceFlow, openFacePage, waitForFaceResult } from '@/utils/face-check';
import './shared.scss';

const t = messages.certificates;

export const certificateRoutes = {
  list: '/pages/certificates/index',
  detail: (id: string) => `/pages/certificates/detail/index?id=${encodeURIComponent(id)}`,
  show: (id: string) => `/pages/certificates/show/index?id=${encodeURIComponent(id)}`,
  verify: '/pages/certificates/verify/index',
  access: '/pages/certificates/access/index',
};

const TONE: Record<CertificateStatus, 'done' | 'info' | 'todo'> = {
  NORMAL: 'done',
  VALID: 'done',
  MORTGAGED: 'info',
  SEALED: 'todo',
  OBJECTION: 'todo',
  EXPIRED: 'todo',
  REVOKED: 'todo',
};

export function StatusBadge({ status, text }: { status: CertificateStatus; text: string }) {
  return (
    <Text className={`bm-badge bm-badge--${TONE[status]} cert-status cert-status--${status.toLowerCase()}`}>
      {text}
    </Text>
  );
}

export function TrustLevel({ level, text }: { level: string; text: string }) {
  return (
    <Text className="cert-trust" aria-label={text}>
      {`${t.trustLevel} ${level}`}
    </Text>
  );
}

const SECTION_ORDER = ['basic', 'parties', 'details', 'mortgage', 'seal', 'objection'] as const;

export function FieldList({ fields }: { fields: CertificateField[] }) {
  return (
    <>
      {SECTION_ORDER.map((section) => {
        const rows = fields.filter((f) => f.section === section);
        if (rows.length === 0) return null;
        return (
          <View key={section} className="bm-card cert-fields" role="group" aria-label={t.sections[section]}>
            <Text className="cert-fields__title" role="heading" aria-level={2}>
              {t.sections[section]}
            </Text>
            {rows.map((f) => (
              <View key={f.key} className="cert-field">
                <Text className="cert-field__label">{f.label}</Text>
                <Text
                  className="cert-field__value"
                  aria-label={`${f.label} ${f.value}${f.masked ? `，${t.masked}` : ''}`}
                >
                  {f.value}
                </Text>
              </View>
            ))}
          </View>
        );
      })}
    </>
  );
}

export type FacePhase = 'idle' | 'waiting' | 'failed' | 'expired';

/**
 * The identity face flow as a gate: run() starts a check, opens the face page (H5) or WeChat's
 * face verification, waits for the BFF's verdict and resolves true on PASS (the client has then
 * saved the raised token).
 */
export function useFaceGate() {
  const [phase, setPhase] = useState<FacePhase>('idle');
  const [faceUrl, setFaceUrl] = useState<string | null>(null);
  const leaving = useRef(false);
  useEffect(() => {
    leaving.current = false;
    return () => {
      leaving.current = true;
    };
  }, []);

  const run = async (): Promise<boolean> => {
    setPhase('waiting');
    try {
      const started = await startFaceCheck();
      setFaceUrl(started.h5Url);
      if (!(await openFaceFlow(started))) {
        setPhase('idle');
        return false;
      }
      const result = await waitForFaceResult(started.faceCheckId, () => leaving.current);
      if (result?.status === 'PASS') {
        setPhase('idle');
        return true;
      }
      setPhase(result?.status === 'FAIL' ? 'failed' : 'expired');
    } catch {
      setPhase('idle');
    }
    return false;
  };
  return { phase, faceUrl, run };
}

export function FaceGateNotice({ phase, faceUrl }: { phase: FacePhase; faceUrl: string | null }) {
  if (phase === 'idle') return null;
  const text = phase === 'waiting' ? t.face.waiting : phase === 'failed' ? t.face.failed : t.face.expired;
  return (
    <View className="bm-card cert-face" role="status">
      <Text>{text}</Text>
      {phase === 'waiting' && faceUrl && process.env.TARO_ENV !== 'weapp' && (
        <View
          className="bm-link-button"
          role="button"
          tabIndex={0}
          aria-label={t.face.openAgain}
          onClick={() => openFacePage(faceUrl)}
        >
          <Text>{t.face.openAgain}</Text>
        </View>
      )}
    </View>
  );
}
