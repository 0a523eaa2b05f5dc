// Loading placeholder in the shape of the content to come (no spinner over a blank screen).
import { View } from '@tarojs/components';
import { messages } from '@/messages/zh-CN';

export function Skeleton({ lines = 3 }: { lines?: number }) {
  return (
    <View className="bm-card bm-skeleton" role="status" aria-label={messages.common.loading} aria-busy>
      {Array.from({ length: lines }, (_, i) => (
        <View key={i} className="bm-skeleton__line" style={{ width: `${90 - i * 15}%` }} />
      ))}
    </View>
  );
}
