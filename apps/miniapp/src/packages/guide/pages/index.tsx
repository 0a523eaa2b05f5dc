// Community guides' landing (subpackage): authorisations and proxy handling come in their own issue.
import { Text } from '@tarojs/components';
import { ComingSoon } from '@/components/ComingSoon';
import { PageShell } from '@/components/PageShell';
import { messages } from '@/messages/zh-CN';

export default function GuideDeskPage() {
  return (
    <PageShell title={messages.roles.guide.title} withFooterNav>
      <Text className="bm-muted">{messages.roles.guide.intro}</Text>
      <ComingSoon text={messages.comingSoon.guideRole} />
    </PageShell>
  );
}
