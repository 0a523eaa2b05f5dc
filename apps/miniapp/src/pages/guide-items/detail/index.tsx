// One item's standard guide: conditions, materials (who holds each one, or upload), time limit
// in working days, fee, legal basis, visits, halls; household moves lead into the online form.
import { Text, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { getServiceItem, type ServiceGuide } from '@/api/catalogue';
import { PageShell } from '@/components/PageShell';
import { ActionButton } from '@/components/PrimaryButton';
import { Skeleton } from '@/components/Skeleton';
import { messages } from '@/messages/zh-CN';
import { go } from '@/utils/navigation';
import { moveRoutes } from '../../progress/shared';

const t = messages.moves.guide;

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <View className="bm-card">
      <Text className="mv-tile__name" role="heading" aria-level={2}>
        {title}
      </Text>
      {children}
    </View>
  );
}

export default function GuideDetailPage() {
  const router = useRouter();
  const [guide, setGuide] = useState<ServiceGuide | null>(null);
  const [failed, setFailed] = useState(false);
  const load = async () => {
    setFailed(false);
    try {
      setGuide(await getServiceItem(router.params.code as string));
    } catch {
      setFailed(true);
    }
  };
  useDidShow(() => void load());

  return (
    <PageShell title={guide?.name ?? t.title} withFooterNav>
      {!guide && !failed && <Skeleton lines={6} />}
      {failed && (
        <View className="bm-card bm-form" role="alert">
          <Text>{messages.network.serviceBusy}</Text>
          <ActionButton onClick={() => void load()}>{messages.common.retry}</ActionButton>
        </View>
      )}
      {guide && (
        <View className="bm-form">
          <View className="bm-card bm-form">
            <Text>{guide.summary}</Text>
            <Text>{t.timeLimit(guide.timeLimitDays)}</Text>
            <Text>{t.visits(guide.visitsNeeded)}</Text>
            <Text>{`${t.fee}：${guide.fee}`}</Text>
          </View>
          <Section title={t.conditions}>
            {guide.conditions.map((c) => (
              <Text key={c} className="mv-check">{`• ${c}`}</Text>
            ))}
          </Section>
          <Section title={t.materials}>
            {guide.materials.map((m) => (
              <View key={m.key} className="mv-material">
                <View className="mv-material__head">
                  <Text className="mv-material__name">{m.name}</Text>
                  <Text className={`bm-badge bm-badge--${m.source === 'upload' ? 'todo' : 'done'}`}>
                    {m.source === 'upload' ? m.sourceName : `由${m.sourceName}提供`}
                  </Text>
                </View>
                <Text className="bm-muted">{m.note}</Text>
              </View>
            ))}
          </Section>
          <Section title={t.legalBasis}>
            {guide.legalBasis.map((b) => (
              <Text key={b} className="mv-check">
                {b}
              </Text>
            ))}
          </Section>
          <Section title={t.halls}>
            {guide.halls.map((h) => (
              <View key={h.hallId} className="mv-kv">
                <Text className="mv-kv__value">{h.name}</Text>
                <Text className="bm-muted">{`${h.address} · ${h.phone}`}</Text>
              </View>
            ))}
          </Section>
          {guide.moveCategory && guide.onlineAvailable && (
            <ActionButton onClick={() => go(moveRoutes.move())}>{t.apply}</ActionButton>
          )}
        </View>
      )}
    </PageShell>
  );
}
