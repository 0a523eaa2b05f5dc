import { PageShell } from '@/components/PageShell';
import { ElderToggle } from '@/components/ElderToggle';
import { messages } from '@/messages/zh-CN';

export default function LoginPage() {
  return (
    <PageShell title={messages.login.title}>
      <ElderToggle />
    </PageShell>
  );
}
