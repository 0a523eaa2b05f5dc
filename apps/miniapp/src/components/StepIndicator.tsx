// "第 1 步，共 2 步" with the step's name: read aloud as one phrase.
import { Text, View } from '@tarojs/components';
import { messages } from '@/messages/zh-CN';

export function StepIndicator({ current, total, name }: { current: number; total: number; name: string }) {
  const label = `${messages.common.step(current, total)}：${name}`;
  return (
    <View className="bm-step-indicator" aria-label={label}>
      <Text className="bm-step">{label}</Text>
    </View>
  );
}
