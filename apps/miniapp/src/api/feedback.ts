// How the client tells the resident that something failed: a short toast for short messages, a
// dialog for longer ones (a toast cuts them off), and a 重试 prompt when the network failed.
import Taro from '@tarojs/taro';
import { messages } from '@/messages/zh-CN';

/** Messages longer than this do not fit a toast on a 375 px screen. */
const TOAST_MAX_CHARS = 16;

export function showError(message: string): void {
  if (message.length <= TOAST_MAX_CHARS) {
    void Taro.showToast({ title: message, icon: 'none', duration: 3000 });
  } else {
    void Taro.showModal({ title: '', content: message, showCancel: false, confirmText: messages.common.ok });
  }
}

/** Asks whether to try again; resolves true when the resident taps 重试. */
export async function askToRetry(message: string = messages.network.unstable): Promise<boolean> {
  try {
    const result = await Taro.showModal({
      title: messages.network.unstableTitle,
      content: message,
      confirmText: messages.common.retry,
      cancelText: messages.common.cancel,
    });
    return !!result.confirm;
  } catch {
    return false;
  }
}
