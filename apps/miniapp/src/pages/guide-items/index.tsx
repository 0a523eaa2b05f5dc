// 办事指南: every service item with its time limit and visits, searchable with Chinese keywords.
import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { listServiceItems, type ServiceItem } from '@/api/catalogue';
import { FormField } from '@/components/FormField';
import { PageShell } from '@/components/PageShell';
import { ActionButton } from '@/components/PrimaryButton';
import { Skeleton } from '@/components/Skeleton';
import { messages } from '@/messages/zh-CN';
import { go, routes } from '@/utils/navigation';
import { moveRoutes } from '../progress/shared';

const t = messages.moves.guide;

export default function GuideItemsPage() {
  const [q, setQ] = useState('');
  const [items, setItems] = useState<ServiceItem[] | null>(null);
  const [failed, setFailed] = useState(false);

  const search = async (term = q) => {
    setItems(null);
    setFailed(false);
    try {
      setItems((await listServiceItems(term.trim() || undefined)).items);
    } catch {
      setFailed(true);
    }
  };
  useDidShow(() => {
    if (!items) void search();
  });

  return (
    <PageShell title={t.title} withFooterNav>
      <View className="bm-card bm-form" role="search">
        <FormField
          name="q"
          label={t.search}
          placeholder={t.searchPlaceholder}
          value={q}
          onChange={setQ}
          maxLength={50}
        />
        <ActionButton variant="secondary" onClick={() => void search()}>
          {t.searchButton}
        </ActionButton>
      </View>
      {!items && !failed && <Skeleton lines={4} />}
      {failed && (
        <View className="bm-card bm-form" role="alert">
          <Text>{messages.network.serviceBusy}</Text>
          <ActionButton onClick={() => void search()}>{messages.common.retry}</ActionButton>
        </View>
      )}
      {items?.length === 0 && (
        <View className="bm-card bm-form">
          <Text>{t.empty}</Text>
          <ActionButton variant="secondary" onClick={() => go(routes.ask)}>
            {messages.common.ask}
          </ActionButton>
        </View>
      )}
      <View className="mv-list" role="list">
        {items?.map((item) => (
          <View
            key={item.code}
            className="bm-card mv-tile"
            role="listitem"
            tabIndex={0}
            aria-label={`${item.name}，${item.department}，${t.timeLimit(item.timeLimitDays)}`}
            onClick={() => go(moveRoutes.guide(item.code))}
          >
            <Text className="mv-tile__name">{item.name}</Text>
            <Text className="bm-muted">{item.department}</Text>
            <Text>{`${t.timeLimit(item.timeLimitDays)} · ${t.visits(item.visitsNeeded)}`}</Text>
          </View>
        ))}
      </View>
    </PageShell>
  );
}
