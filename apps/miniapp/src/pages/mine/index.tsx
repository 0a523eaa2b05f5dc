import { PageShell } from '@/components/PageShell';
import { ElderToggle } from '@/components/ElderToggle';
import { messages } from '@/messages/zh-CN';

export default function MinePage() {
  return (
    <PageShell title={messages.mine.title}>
      <ElderToggle />
    </PageShell>
  );
}
