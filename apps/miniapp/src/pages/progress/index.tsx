// 办事进度 (tab): the resident's applications with status in words, the case number, the deadline
// in working days and the next step; drafts lead back to the form. Empty and guest states lead on.
import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { listMyApplications, type ApplicationSummary } from '@/api/applications';
import { PageShell } from '@/components/PageShell';
import { ActionButton } from '@/components/PrimaryButton';
import { Skeleton } from '@/components/Skeleton';
import { messages } from '@/messages/zh-CN';
import { useElderMode } from '@/theme/elder-mode';
import { go } from '@/utils/navigation';
import { checkMoveAccess, deadlineText, MoveAccessGate, moveRoutes, StatusBadge, type MoveAccess } from './shared';

const t = messages.moves;

export default function ProgressPage() {
  const [access, setAccess] = useState<MoveAccess>('checking');
  const [items, setItems] = useState<ApplicationSummary[] | null>(null);
  const { elder } = useElderMode();

  const load = async () => {
    const who = await checkMoveAccess();
    setAccess(who);
    if (who !== 'ok') return;
    try {
      setItems((await listMyApplications()).applications);
    } catch {
      setAccess('failed');
    }
  };
  useDidShow(() => void load());

  if (access !== 'ok')
    return (
      <PageShell title={t.progress.title}>
        {access === 'guest' ? (
          <View className="bm-card bm-form">
            <Text>{t.progress.loginFirst}</Text>
            <MoveAccessGate access={access} retry={() => void load()} />
          </View>
        ) : (
          <MoveAccessGate access={access} retry={() => void load()} />
        )}
      </PageShell>
    );

  return (
    <PageShell title={t.progress.title}>
      {!items && <Skeleton lines={4} />}
      {items?.length === 0 && (
        <View className="bm-card bm-form">
          <Text>{t.progress.empty}</Text>
          <ActionButton onClick={() => go(moveRoutes.move())}>{t.progress.goMove}</ActionButton>
        </View>
      )}
      <View className="mv-list" role="list">
        {items?.map((a) => {
          const draft = a.status === 'DRAFT';
          const due = deadlineText(a.deadline);
          return (
            <View
              key={a.applicationId}
              className="bm-card mv-tile"
              role="listitem"
              tabIndex={0}
              aria-label={`${a.itemName}，${a.statusText}${a.caseId ? `，${t.progress.caseNo(a.caseId)}` : ''}${due ? `，${due}` : ''}`}
              onClick={() => go(draft ? moveRoutes.move(a.applicationId) : moveRoutes.detail(a.applicationId))}
            >
              <View className="mv-material__head">
                <Text className="mv-tile__name">{a.itemName}</Text>
                <StatusBadge status={a.status} text={a.statusText} />
              </View>
              {a.caseId && <Text className="bm-muted">{t.progress.caseNo(a.caseId)}</Text>}
              {due && <Text>{due}</Text>}
              {!elder && <Text className="bm-muted">{draft ? t.progress.draft : a.nextStep}</Text>}
            </View>
          );
        })}
      </View>
    </PageShell>
  );
}
