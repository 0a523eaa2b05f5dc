// Pieces of the assist pages: a labelled row, the state badge, time in China, and a grant's
// 代办记录 (every action under it, refused ones included).
import { Text, View } from '@tarojs/components';
import type { AssistAction, GrantState } from '@/api/assist';
import { messages } from '@/messages/zh-CN';
import './assist.scss';

const t = messages.assist;

export const assistRoutes = {
  resident: '/pages/assist/index',
  letter: (grantId: string) => `/pages/assist/letter/index?grantId=${encodeURIComponent(grantId)}`,
};

const pad = (n: number) => String(n).padStart(2, '0');

/** "3月2日 13:00" in China time. */
export function chinaTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

const TONE: Record<GrantState, 'done' | 'info' | 'todo'> = { ACTIVE: 'info', EXPIRED: 'todo', REVOKED: 'todo' };

export function StateBadge({ state, name }: { state: GrantState; name: string }) {
  return <Text className={`bm-badge bm-badge--${TONE[state]}`}>{name}</Text>;
}

export function InfoRow({ label, value }: { label: string; value: string }) {
  return (
    <View className="assist-row">
      <Text className="assist-row__label">{label}</Text>
      <Text className="assist-row__value">{value}</Text>
    </View>
  );
}

export function ActionRecord({ actions }: { actions: AssistAction[] }) {
  return (
    <View className="assist-record" role="list" aria-label={t.recordTitle}>
      <Text className="assist-head__title">{t.recordTitle}</Text>
      {actions.length === 0 && <Text className="bm-muted">{t.recordEmpty}</Text>}
      {actions.map((a) => (
        <Text key={a.actionId} className="assist-record__line" role="listitem">
          {t.actionLine(chinaTime(a.at), `${a.guide.name}（${a.guide.staffId}）`, a.operationName, a.resultName)}
        </Text>
      ))}
    </View>
  );
}
