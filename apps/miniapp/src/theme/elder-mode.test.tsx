import { act, fireEvent, render, screen } from '@testing-library/react';
import { ElderToggle } from '@/components/ElderToggle';
import { ElderModeProvider, useThemeClass } from './elder-mode';
import { stub } from '../../test/stubs/taro';
import { storageKeys } from '@/utils/storage';

function Probe() {
  return <div data-testid="root" className={useThemeClass()} />;
}

function App() {
  return (
    <ElderModeProvider>
      <Probe />
      <ElderToggle />
    </ElderModeProvider>
  );
}

describe('elder mode', () => {
  it('starts in normal mode on a fresh install', () => {
    render(<App />);
    expect(screen.getByTestId('root')).toHaveClass('theme-root', 'theme-normal');
    expect(screen.getByRole('switch', { name: '长辈版' })).toHaveAttribute('aria-checked', 'false');
  });

  it('switches on with the toggle and stays on after a restart', () => {
    const first = render(<App />);
    act(() => {
      fireEvent.click(screen.getByRole('switch', { name: '长辈版' }));
    });
    expect(screen.getByTestId('root')).toHaveClass('theme-elder');
    expect(screen.getByRole('switch', { name: '长辈版' })).toHaveAttribute('aria-checked', 'true');
    expect(stub.storage.get(storageKeys.elderMode)).toBe(true);

    // A restart: everything unmounts; a new mount reads storage.
    first.unmount();
    render(<App />);
    expect(screen.getByTestId('root')).toHaveClass('theme-elder');
  });

  it('switches back off and remembers that too', () => {
    stub.storage.set(storageKeys.elderMode, true);
    const first = render(<App />);
    expect(screen.getByTestId('root')).toHaveClass('theme-elder');
    act(() => {
      fireEvent.click(screen.getByRole('switch', { name: '长辈版' }));
    });
    first.unmount();
    render(<App />);
    expect(screen.getByTestId('root')).toHaveClass('theme-normal');
    expect(screen.getByRole('switch')).toHaveTextContent('关');
  });
});
