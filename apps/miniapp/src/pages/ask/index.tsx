// 我要问: not open yet; meanwhile the page names the 12345 hotline.
import { ComingSoon } from '@/components/ComingSoon';
import { PageShell } from '@/components/PageShell';
import { messages } from '@/messages/zh-CN';

export default function AskPage() {
  return (
    <PageShell title={messages.jobs.ask.title} withFooterNav hideAsk>
      <ComingSoon text={messages.comingSoon.ask} offerAsk={false} />
    </PageShell>
  );
}
