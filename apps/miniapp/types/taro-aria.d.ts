// Taro's component types leave out ARIA attributes, which H5 passes straight to the DOM (and the
// mini-program reads as aria-*): every control names itself for assistive technology.
import type { AriaAttributes } from 'react';
import type { BaseTouchEvent, ITouchEvent } from '@tarojs/components/types/common';

declare module '@tarojs/components/types/common' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface StandardProps<T = any, TouchEvent extends BaseTouchEvent<any> = ITouchEvent> extends AriaAttributes {
    role?: string;
    tabIndex?: number;
    inputMode?: 'numeric' | 'text' | 'tel';
  }
}
