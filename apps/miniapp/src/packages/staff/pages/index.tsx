// Staff landing (subpackage): the query inbox and supervision come in their own issues.
import { Text } from '@tarojs/components';
import { ComingSoon } from '@/components/ComingSoon';
import { PageShell } from '@/components/PageShell';
import { messages } from '@/messages/zh-CN';

export default function StaffDeskPage() {
  return (
    <PageShell title={messages.roles.staff.title} withFooterNav>
      <Text className="bm-muted">{messages.roles.staff.intro}</Text>
      <ComingSoon text={messages.comingSoon.staffRole} />
    </PageShell>
  );
}
