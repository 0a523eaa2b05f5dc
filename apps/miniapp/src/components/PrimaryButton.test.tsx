import { fireEvent, render, screen } from '@testing-library/react';
import { ActionButton } from './PrimaryButton';

describe('ActionButton', () => {
  it('is a named button that calls back, and not while disabled', () => {
    const onClick = jest.fn();
    const { rerender } = render(<ActionButton onClick={onClick}>登录</ActionButton>);
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    expect(onClick).toHaveBeenCalledTimes(1);
    rerender(
      <ActionButton onClick={onClick} disabled>
        登录
      </ActionButton>,
    );
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    expect(onClick).toHaveBeenCalledTimes(1);
  });
});
