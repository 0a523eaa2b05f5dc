// 办事进度 (tab): applications and their states arrive with the household-move feature.
import { ComingSoon } from '@/components/ComingSoon';
import { PageShell } from '@/components/PageShell';
import { messages } from '@/messages/zh-CN';

export default function ProgressPage() {
  return (
    <PageShell title={messages.tabs.progress}>
      <ComingSoon text={messages.comingSoon.progress} />
    </PageShell>
  );
}
