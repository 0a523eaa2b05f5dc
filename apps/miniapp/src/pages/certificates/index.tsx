// 证照查询: not open yet; the page says so and leads to the guide and to 我要问.
import { ComingSoon } from '@/components/ComingSoon';
import { PageShell } from '@/components/PageShell';
import { messages } from '@/messages/zh-CN';

export default function CertificatesPage() {
  return (
    <PageShell title={messages.jobs.certificates.title} withFooterNav>
      <ComingSoon text={messages.comingSoon.certificates} />
    </PageShell>
  );
}
