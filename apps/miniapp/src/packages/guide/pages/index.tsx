// 帮办代办工作台 (community guides' subpackage): start a consent request, and the guide's own
// grants, open and past, with what was done under each; a live 代办 grant leads to acting.
import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { listGuideGrants, type AssistGrant } from '@/api/assist';
import { ApiError } from '@/api/errors';
import { getToken } from '@/api/session';
import { PageShell } from '@/components/PageShell';
import { ActionButton } from '@/components/PrimaryButton';
import { Skeleton } from '@/components/Skeleton';
import { messages } from '@/messages/zh-CN';
import { ActionRecord, chinaTime, InfoRow, StateBadge } from '@/pages/assist/shared';
import { go, routes } from '@/utils/navigation';
import { guideRoutes } from '../shared';

const t = messages.assist;

type State = { kind: 'loading' } | { kind: 'denied' } | { kind: 'failed' } | { kind: 'ready'; grants: AssistGrant[] };

export default function GuideDeskPage() {
  const [state, setState] = useState<State>({ kind: 'loading' });

  const load = async () => {
    if (!getToken()) return setState({ kind: 'denied' });
    try {
      setState({ kind: 'ready', grants: (await listGuideGrants()).grants });
    } catch (error) {
      setState({ kind: error instanceof ApiError && error.status < 500 ? 'denied' : 'failed' });
    }
  };

  useDidShow(() => void load());

  return (
    <PageShell title={t.desk} withFooterNav>
      <Text className="bm-muted">{t.deskIntro}</Text>
      {state.kind === 'loading' && <Skeleton lines={4} />}
      {state.kind === 'denied' && (
        <View className="bm-card bm-form" role="alert">
          <Text>{t.forGuidesOnly}</Text>
          <ActionButton onClick={() => go(routes.login)}>{t.goLogin}</ActionButton>
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
          <ActionButton onClick={() => go(guideRoutes.request)}>{t.newRequest}</ActionButton>
          <Text className="guide-section-title" role="heading" aria-level={2}>
            {t.myGrants}
          </Text>
          {state.grants.length === 0 && (
            <View className="bm-card" role="status">
              <Text>{t.noGrants}</Text>
            </View>
          )}
          {state.grants.map((g) => (
            <View
              key={g.grantId}
              className="bm-card bm-form"
              role="group"
              aria-label={`${g.resident.nameMasked} ${g.stateName}`}
            >
              <View className="assist-head">
                <Text className="assist-head__title">{`${t.modeShort[g.mode]} · ${g.resident.nameMasked}`}</Text>
                <StateBadge state={g.state} name={g.stateName} />
              </View>
              <InfoRow label={t.itemsLabel} value={g.items.map((i) => i.name).join('、')} />
              <InfoRow label={t.expiresLabel} value={chinaTime(g.revokedAt ?? g.expiresAt)} />
              <ActionRecord actions={g.actions} />
              {g.state === 'ACTIVE' && g.mode === 'PROXY' && (
                <ActionButton onClick={() => go(guideRoutes.act(g.grantId))}>{t.startProxy}</ActionButton>
              )}
              {g.state === 'ACTIVE' && g.mode === 'ASSIST' && <Text className="bm-muted">{t.notProxy}</Text>}
            </View>
          ))}
        </>
      )}
    </PageShell>
  );
}
