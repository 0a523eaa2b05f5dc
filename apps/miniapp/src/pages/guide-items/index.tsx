// 办事指南: the service-item catalogue arrives with the household-move feature.
import { ComingSoon } from '@/components/ComingSoon';
import { PageShell } from '@/components/PageShell';
import { messages } from '@/messages/zh-CN';

export default function GuideItemsPage() {
  return (
    <PageShell title={messages.jobs.guide.title} withFooterNav>
      <ComingSoon text={messages.comingSoon.guideItems} offerGuide={false} />
    </PageShell>
  );
}
