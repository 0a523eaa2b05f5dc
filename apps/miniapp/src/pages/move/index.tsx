// 户口迁移: not open online yet; the page says so and leads to the guide and to 我要问.
import { ComingSoon } from '@/components/ComingSoon';
import { PageShell } from '@/components/PageShell';
import { messages } from '@/messages/zh-CN';

export default function MovePage() {
  return (
    <PageShell title={messages.jobs.move.title} withFooterNav>
      <ComingSoon text={messages.comingSoon.move} />
    </PageShell>
  );
}
