// 证照详情: the certificate with personal data masked; 查看完整信息 runs a face check first and
// shows the resident's own data in full (others' stay masked); 亮证 leads to the show code.
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { getCertificate, type CertificateDetail } from '@/api/certificates';
import { ApiError } from '@/api/errors';
import { PageShell } from '@/components/PageShell';
import { ActionButton } from '@/components/PrimaryButton';
import { Skeleton } from '@/components/Skeleton';
import { messages } from '@/messages/zh-CN';
import { go } from '@/utils/navigation';
import { certificateRoutes, FaceGateNotice, FieldList, StatusBadge, TrustLevel, useFaceGate } from '../shared';
import '../shared.scss';

const t = messages.certificates;

type State =
  { kind: 'loading' } | { kind: 'notFound' } | { kind: 'failed' } | { kind: 'ready'; detail: CertificateDetail };

export default function CertificateDetailPage() {
  const id = useRouter().params.id ?? '';
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [revealing, setRevealing] = useState(false);
  const face = useFaceGate();

  const load = useCallback(
    async (reveal = false) => {
      try {
        setState({ kind: 'ready', detail: await getCertificate(id, reveal) });
        return true;
      } catch (error) {
        if (error instanceof ApiError && error.code === 'LEVEL_REQUIRED') return false;
        setState({ kind: error instanceof ApiError && error.status === 404 ? 'notFound' : 'failed' });
        return true;
      }
    },
    [id],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const reveal = async () => {
    setRevealing(true);
    try {
      // A face check still fresh from a moment ago is enough; otherwise do one now.
      if (!(await load(true)) && (await face.run())) await load(true);
    } finally {
      setRevealing(false);
    }
  };

  return (
    <PageShell title={t.detailTitle} withFooterNav>
      {state.kind === 'loading' && (
        <>
          <Skeleton lines={2} />
          <Skeleton lines={5} />
        </>
      )}
      {state.kind === 'notFound' && (
        <View className="bm-card bm-form" role="alert">
          <Text>{t.notFound}</Text>
          <ActionButton onClick={() => go(certificateRoutes.list)}>{t.access.list}</ActionButton>
        </View>
      )}
      {state.kind === 'failed' && (
        <View className="bm-card bm-form" role="alert">
          <Text>{t.loadFailed}</Text>
          <ActionButton onClick={() => void load()}>{messages.common.retry}</ActionButton>
        </View>
      )}
      {state.kind === 'ready' && (
        <>
          <View className="bm-card cert-item">
            <View className="cert-item__head">
              <Text className="cert-item__title" role="heading" aria-level={2}>
                {state.detail.title}
              </Text>
              <StatusBadge status={state.detail.status} text={state.detail.statusText} />
            </View>
            <Text className="cert-item__number">{state.detail.number}</Text>
            <TrustLevel level={state.detail.trustLevel} text={state.detail.trustLevelText} />
            <Text className="cert-item__subtitle">{state.detail.trustLevelText}</Text>
            <Text className="cert-item__subtitle" role="status">
              {state.detail.revealed ? t.revealed : t.masked}
            </Text>
          </View>
          <FieldList fields={state.detail.fields} />
          <FaceGateNotice phase={face.phase} faceUrl={face.faceUrl} />
          <View className="cert-actions">
            {state.detail.revealed ? (
              <ActionButton variant="secondary" onClick={() => void load(false)}>
                {t.hide}
              </ActionButton>
            ) : (
              <ActionButton variant="secondary" loading={revealing} onClick={() => void reveal()}>
                {t.reveal}
              </ActionButton>
            )}
            <Text className="bm-muted">{t.showHint}</Text>
            <ActionButton onClick={() => go(certificateRoutes.show(id))}>{t.show}</ActionButton>
          </View>
        </>
      )}
    </PageShell>
  );
}
