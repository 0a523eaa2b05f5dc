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

  it('is named by its accessible name while showing its short label', () => {
    const onClick = jest.fn();
    render(
      <ActionButton onClick={onClick} variant="secondary" accessibleName="查看 户口迁移咨询">
        查看
      </ActionButton>,
    );
    fireEvent.click(screen.getByRole('button', { name: '查看 户口迁移咨询' }));
    expect(onClick).toHaveBeenCalledTimes(1);
  });
});
