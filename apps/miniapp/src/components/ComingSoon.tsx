// What a page says while its feature is not open yet: plainly, with somewhere useful to go next.
// No invented data, no buttons that do nothing.
import { Text, View } from '@tarojs/components';
import { messages } from '@/messages/zh-CN';
import { go, routes } from '@/utils/navigation';

export interface ComingSoonProps {
  text: string;
  /** Offer 查看办事指南 (not on the guide page itself). */
  offerGuide?: boolean;
  /** Offer 去我要问 (not on the ask page itself). */
  offerAsk?: boolean;
}

export function ComingSoon({ text, offerGuide = true, offerAsk = true }: ComingSoonProps) {
  return (
    <View className="bm-card" role="status">
      <Text className="bm-coming-soon__badge">{messages.comingSoon.title}</Text>
      <Text className="bm-coming-soon__text">{text}</Text>
      <View className="bm-coming-soon__actions">
        {offerGuide && (
          <View
            className="bm-link-button"
            role="button"
            tabIndex={0}
            aria-label={messages.comingSoon.goGuide}
            onClick={() => go(routes.guideItems)}
          >
            <Text>{messages.comingSoon.goGuide}</Text>
          </View>
        )}
        {offerAsk && (
          <View
            className="bm-link-button"
            role="button"
            tabIndex={0}
            aria-label={messages.comingSoon.goAsk}
            onClick={() => go(routes.ask)}
          >
            <Text>{messages.comingSoon.goAsk}</Text>
          </View>
        )}
      </View>
    </View>
  );
}
