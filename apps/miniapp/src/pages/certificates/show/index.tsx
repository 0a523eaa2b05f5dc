// 亮证: after a fresh face check, a one-use QR code with its 6-digit PIN and a countdown (300 s).
// When it lapses the page says so and offers a new one; leaving the page forgets the code.
import { Image, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { createShowCode, type ShowCode } from '@/api/certificates';
import { ApiError } from '@/api/errors';
import { PageShell } from '@/components/PageShell';
import { ActionButton } from '@/components/PrimaryButton';
import { Skeleton } from '@/components/Skeleton';
import { messages } from '@/messages/zh-CN';
import { FaceGateNotice, StatusBadge, useFaceGate } from '../shared';
import '../shared.scss';

const t = messages.certificates;

type State = { kind: 'creating' } | { kind: 'needFace' } | { kind: 'failed' } | { kind: 'ready'; code: ShowCode };

/** Whole seconds left until `expiresAt` (never negative). */
export function secondsLeft(expiresAt: string, now = Date.now()): number {
  return Math.max(0, Math.ceil((new Date(expiresAt).getTime() - now) / 1000));
}

export default function ShowCodePage() {
  const id = useRouter().params.id ?? '';
  const [state, setState] = useState<State>({ kind: 'creating' });
  const [left, setLeft] = useState(0);
  const face = useFaceGate();
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  const create = useCallback(async () => {
    setState({ kind: 'creating' });
    try {
      const code = await createShowCode(id);
      setState({ kind: 'ready', code });
      setLeft(secondsLeft(code.expiresAt));
    } catch (error) {
      setState({ kind: error instanceof ApiError && error.code === 'LEVEL_REQUIRED' ? 'needFace' : 'failed' });
    }
  }, [id]);

  useEffect(() => {
    void create();
  }, [create]);

  useEffect(() => {
    if (state.kind !== 'ready') return undefined;
    const { expiresAt } = state.code;
    timer.current = setInterval(() => setLeft(secondsLeft(expiresAt)), 1000);
    return () => {
      if (timer.current) clearInterval(timer.current);
    };
  }, [state]);

  const checkThenCreate = async () => {
    if (await face.run()) await create();
  };

  return (
    <PageShell title={t.showCode.title} withFooterNav>
      {state.kind === 'creating' && <Skeleton lines={6} />}
      {state.kind === 'needFace' && (
        <View className="bm-card bm-form">
          <Text>{t.face.needed}</Text>
          <FaceGateNotice phase={face.phase} faceUrl={face.faceUrl} />
          <ActionButton loading={face.phase === 'waiting'} onClick={() => void checkThenCreate()}>
            {t.face.start}
          </ActionButton>
        </View>
      )}
      {state.kind === 'failed' && (
        <View className="bm-card bm-form" role="alert">
          <Text>{t.showCode.failed}</Text>
          <ActionButton onClick={() => void create()}>{messages.common.retry}</ActionButton>
        </View>
      )}
      {state.kind === 'ready' && (
        <View className="bm-card cert-qr">
          <View className="cert-item__head">
            <Text className="cert-item__title">{state.code.certificate.title}</Text>
            <StatusBadge status={state.code.certificate.status} text={state.code.certificate.statusText} />
          </View>
          {left > 0 ? (
            <>
              <Image
                className="cert-qr__image"
                src={state.code.qrImage}
                mode="aspectFit"
                ariaLabel={t.showCode.qrAlt(state.code.certificate.title)}
              />
              <Text className="bm-muted">{t.showCode.pinLabel}</Text>
              <Text
                className="cert-qr__pin"
                aria-label={`${t.showCode.pinLabel} ${state.code.pin.split('').join(' ')}`}
              >
                {state.code.pin}
              </Text>
              <Text className="cert-qr__countdown" role="timer" aria-live="off">
                {t.showCode.countdown(left)}
              </Text>
              <Text className="bm-muted">{t.showCode.oneUse}</Text>
            </>
          ) : (
            <>
              <Text className="cert-qr__countdown" role="status">
                {t.showCode.expired}
              </Text>
              <ActionButton onClick={() => void create()}>{t.showCode.again}</ActionButton>
            </>
          )}
        </View>
      )}
    </PageShell>
  );
}
