// The one primary action of a screen (and its quieter siblings), on NutUI's Button so the mini-program
// and H5 share one look; sized by the theme tokens (44 px, 56 px in elder mode).
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/style.css';
import type { ReactNode } from 'react';
import './PrimaryButton.scss';

export interface ActionButtonProps {
  children: ReactNode;
  onClick: () => void;
  disabled?: boolean;
  loading?: boolean;
  /** primary: the screen's main action; secondary: outlined; danger: destructive (log-out). */
  variant?: 'primary' | 'secondary' | 'danger';
  /**
   * Spoken name when the visible text alone is not enough. Not called `ariaLabel`: the H5 build
   * rewrites JSX props of that name (a mini-program attribute) before they reach this component.
   */
  accessibleName?: string;
  className?: string;
}

export function ActionButton({
  children,
  onClick,
  disabled = false,
  loading = false,
  variant = 'primary',
  accessibleName,
  className = '',
}: ActionButtonProps) {
  return (
    <Button
      className={`bm-action bm-action--${variant} ${className}`}
      type={variant === 'danger' ? 'danger' : 'primary'}
      fill={variant === 'primary' ? 'solid' : 'outline'}
      block
      size="large"
      disabled={disabled}
      loading={loading}
      // In H5 the Taro button is a <div>: the role and focusability make it a button for everyone.
      role="button"
      tabIndex={0}
      aria-label={accessibleName}
      aria-disabled={disabled || loading}
      onClick={() => onClick()}
    >
      {children}
    </Button>
  );
}
