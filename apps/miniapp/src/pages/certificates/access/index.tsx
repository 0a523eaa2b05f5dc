// 谁查看过我的证照: every look-up, show code and verification of the resident's certificates,
// including those by a co-owner of a shared title and by verifying parties (masked), newest first.
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { listCertificateAccess, type AccessEntry } from '@/api/certificates';
import { PageShell } from '@/components/PageShell';
import { ActionButton } from '@/components/PrimaryButton';
import { Skeleton } from '@/components/Skeleton';
import { messages } from '@/messages/zh-CN';
import { formatDateTime } from '../format';
import '../shared.scss';

const t = messages.certificates.access;

export default function CertificateAccessPage() {
  const [entries, setEntries] = useState<AccessEntry[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);

  const load = async (before?: string) => {
    setBusy(true);
    try {
      const page = await listCertificateAccess(before);
      setEntries((current) => (before && current ? [...current, ...page.entries] : page.entries));
      setNext(page.nextBefore);
      setFailed(false);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    void load();
  }, []);

  return (
    <PageShell title={t.title} withFooterNav>
      {entries === null && !failed && <Skeleton lines={5} />}
      {failed && (
        <View className="bm-card bm-form" role="alert">
          <Text>{messages.certificates.loadFailed}</Text>
          <ActionButton onClick={() => void load()}>{messages.common.retry}</ActionButton>
        </View>
      )}
      {entries !== null && entries.length === 0 && (
        <View className="bm-card" role="status">
          <Text>{t.empty}</Text>
        </View>
      )}
      {entries !== null && entries.length > 0 && (
        <View className="bm-card" role="list" aria-label={t.title}>
          {entries.map((e) => (
            <View key={e.id} className="cert-access__row" role="listitem">
              <View className="cert-item__head">
                <Text className="cert-item__title">{e.actor}</Text>
                {e.relation !== 'SELF' && <Text className="bm-badge bm-badge--info">{t.relation[e.relation]}</Text>}
              </View>
              <Text>{e.certificateTitle ? `${e.actionText}：${e.certificateTitle}` : e.actionText}</Text>
              <Text className="bm-muted">{formatDateTime(e.at)}</Text>
            </View>
          ))}
        </View>
      )}
      {next && (
        <ActionButton variant="secondary" loading={busy} onClick={() => void load(next)}>
          {t.more}
        </ActionButton>
      )}
    </PageShell>
  );
}
