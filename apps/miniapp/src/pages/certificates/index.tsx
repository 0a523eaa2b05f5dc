// 证照查询: everything the resident holds (titles and electronic licences) grouped by type, each
// with its status in words and colour and its trust level; a registry that did not answer is
// named at the top instead of silently missing. Links to 核验他人亮证 and the access record.
import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { listCertificates, type CertificateList, type CertificateSummary } from '@/api/certificates';
import { ApiError } from '@/api/errors';
import { getToken } from '@/api/session';
import { PageShell } from '@/components/PageShell';
import { ActionButton } from '@/components/PrimaryButton';
import { Skeleton } from '@/components/Skeleton';
import { messages } from '@/messages/zh-CN';
import { go, routes } from '@/utils/navigation';
import { certificateRoutes, StatusBadge, TrustLevel } from './shared';

const t = messages.certificates;

type State =
  | { kind: 'loading' }
  | { kind: 'guest' }
  | { kind: 'needRealName' }
  | { kind: 'failed' }
  | { kind: 'ready'; list: CertificateList };

/** Items in the order the BFF gave (titles first), grouped by their type name. */
export function groupByType(items: CertificateSummary[]): Array<{ typeName: string; items: CertificateSummary[] }> {
  const groups: Array<{ typeName: string; items: CertificateSummary[] }> = [];
  for (const item of items) {
    const group = groups.find((g) => g.typeName === item.typeName);
    if (group) group.items.push(item);
    else groups.push({ typeName: item.typeName, items: [item] });
  }
  return groups;
}

function Item({ item }: { item: CertificateSummary }) {
  return (
    <View
      className="bm-card cert-item"
      role="button"
      tabIndex={0}
      aria-label={t.openItem(item.title, item.statusText)}
      onClick={() => go(certificateRoutes.detail(item.id))}
    >
      <View className="cert-item__head">
        <Text className="cert-item__title">{item.title}</Text>
        <StatusBadge status={item.status} text={item.statusText} />
      </View>
      <Text className="cert-item__number">{item.number}</Text>
      <Text className="cert-item__subtitle">{item.subtitle}</Text>
      <View className="cert-item__head">
        <TrustLevel level={item.trustLevel} text={item.trustLevelText} />
        {item.relation === 'CO_OWNER' && <Text className="cert-trust">{t.coOwned(item.share)}</Text>}
      </View>
    </View>
  );
}

export default function CertificatesPage() {
  const [state, setState] = useState<State>({ kind: 'loading' });

  const load = async () => {
    if (!getToken()) {
      setState({ kind: 'guest' });
      return;
    }
    setState({ kind: 'loading' });
    try {
      setState({ kind: 'ready', list: await listCertificates() });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setState({ kind: 'guest' });
      else if (error instanceof ApiError && error.code === 'LEVEL_REQUIRED') setState({ kind: 'needRealName' });
      else setState({ kind: 'failed' });
    }
  };

  // Shown again after log-in, real-name or a detail page: read afresh (statuses change).
  useDidShow(() => void load());

  return (
    <PageShell title={t.title} withFooterNav>
      {state.kind === 'loading' && (
        <>
          <Skeleton lines={3} />
          <Skeleton lines={3} />
        </>
      )}
      {state.kind === 'guest' && (
        <View className="bm-card bm-form">
          <Text>{t.needLogin}</Text>
          <ActionButton onClick={() => go(routes.login)}>{t.goLogin}</ActionButton>
        </View>
      )}
      {state.kind === 'needRealName' && (
        <View className="bm-card bm-form">
          <Text>{t.needRealName}</Text>
          <ActionButton onClick={() => go(routes.identity)}>{t.goRealName}</ActionButton>
          <ActionButton variant="secondary" onClick={() => go(certificateRoutes.verify)}>
            {t.verifyOthers}
          </ActionButton>
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
          {state.list.partial && (
            <View className="bm-card cert-notice" role="alert">
              <Text className="cert-fields__title">{t.partialTitle}</Text>
              {state.list.notices.map((n) => (
                <Text key={n.service} className="cert-item__subtitle">
                  {n.message}
                </Text>
              ))}
              <View
                className="bm-link-button"
                role="button"
                tabIndex={0}
                aria-label={messages.common.retry}
                onClick={() => void load()}
              >
                <Text>{messages.common.retry}</Text>
              </View>
            </View>
          )}
          {state.list.items.length === 0 && !state.list.partial && (
            <View className="bm-card" role="status">
              <Text>{t.empty}</Text>
            </View>
          )}
          {groupByType(state.list.items).map((group) => (
            <View key={group.typeName} className="bm-form" role="group" aria-label={group.typeName}>
              <Text className="cert-group__title" role="heading" aria-level={2}>
                {group.typeName}
              </Text>
              {group.items.map((item) => (
                <Item key={item.id} item={item} />
              ))}
            </View>
          ))}
          <View className="cert-actions">
            <ActionButton variant="secondary" onClick={() => go(certificateRoutes.verify)}>
              {t.verifyOthers}
            </ActionButton>
            <ActionButton variant="secondary" onClick={() => go(certificateRoutes.access)}>
              {t.whoViewed}
            </ActionButton>
          </View>
        </>
      )}
    </PageShell>
  );
}
