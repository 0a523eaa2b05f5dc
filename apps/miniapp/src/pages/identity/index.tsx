import { PageShell } from '@/components/PageShell';
import { ElderToggle } from '@/components/ElderToggle';
import { messages } from '@/messages/zh-CN';

export default function IdentityPage() {
  return (
    <PageShell title={messages.identity.title}>
      <ElderToggle />
    </PageShell>
  );
}
