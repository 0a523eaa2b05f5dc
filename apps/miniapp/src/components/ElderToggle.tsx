// The 长辈版 switch: a real switch for assistive technology (role + checked state + name), with its
// state in words beside it, so colour is never the only signal.
import { Text, View } from '@tarojs/components';
import { messages } from '@/messages/zh-CN';
import { useElderMode } from '@/theme/elder-mode';
import './ElderToggle.scss';

export function ElderToggle({ className = '' }: { className?: string }) {
  const { elder, toggle } = useElderMode();
  return (
    <View
      className={`bm-elder-toggle ${elder ? 'bm-elder-toggle--on' : ''} ${className}`}
      role="switch"
      tabIndex={0}
      aria-checked={elder}
      aria-label={messages.elder.label}
      onClick={toggle}
    >
      <Text className="bm-elder-toggle__label">{messages.elder.label}</Text>
      <View className="bm-elder-toggle__track" aria-hidden>
        <View className="bm-elder-toggle__thumb" />
      </View>
      <Text className="bm-elder-toggle__state">{elder ? '开' : '关'}</Text>
    </View>
  );
}
