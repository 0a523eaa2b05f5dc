// Every page's frame: the theme root (tokens + elder mode), a visible title, the content, and for
// pages outside the tab bar a footer with 返回 and 我要问, so no screen is a dead end.
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { messages } from '@/messages/zh-CN';
import { useThemeClass } from '@/theme/elder-mode';
import { go, goBack, routes } from '@/utils/navigation';
import './PageShell.scss';

export interface PageShellProps {
  title: string;
  children?: ReactNode;
  /** Pages outside the tab bar show 返回 and 我要问 at the bottom. */
  withFooterNav?: boolean;
  /** The 我要问 page itself has no link to itself. */
  hideAsk?: boolean;
  className?: string;
}

export function PageShell({ title, children, withFooterNav = false, hideAsk = false, className = '' }: PageShellProps) {
  const themeClass = useThemeClass(`bm-page ${className}`);
  return (
    <View className={themeClass}>
      <Text className="bm-page__title" role="heading" aria-level={1}>
        {title}
      </Text>
      <View className="bm-page__body">{children}</View>
      {withFooterNav && (
        <View className="bm-page__footer" role="navigation" aria-label={messages.common.back}>
          <View
            className="bm-link-button"
            role="button"
            tabIndex={0}
            aria-label={messages.common.back}
            onClick={goBack}
          >
            <Text>{`‹ ${messages.common.back}`}</Text>
          </View>
          {!hideAsk && (
            <View
              className="bm-link-button"
              role="button"
              tabIndex={0}
              aria-label={messages.common.ask}
              onClick={() => go(routes.ask)}
            >
              <Text>{messages.common.askHint}</Text>
            </View>
          )}
        </View>
      )}
    </View>
  );
}
