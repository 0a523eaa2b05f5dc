// 预约办事: not open yet; the page says so and leads to the guide and to 我要问.
import { ComingSoon } from '@/components/ComingSoon';
import { PageShell } from '@/components/PageShell';
import { messages } from '@/messages/zh-CN';

export default function AppointmentsPage() {
  return (
    <PageShell title={messages.jobs.appointments.title} withFooterNav>
      <ComingSoon text={messages.comingSoon.appointments} />
    </PageShell>
  );
}
