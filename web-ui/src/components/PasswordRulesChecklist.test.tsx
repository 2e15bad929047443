import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { codePoints, PasswordRulesChecklist } from './PasswordRulesChecklist';

const rules = { min_length: 12, max_length: 16, min_strength: 3 };

function items() {
  return within(screen.getByRole('list')).getAllByRole('listitem');
}

describe('PasswordRulesChecklist', () => {
  it('shows every rule unmet for an empty password', () => {
    render(<PasswordRulesChecklist id="r" rules={rules} password="" confirm="" score={null} />);
    expect(items()).toHaveLength(4);
    for (const item of items()) expect(item).toHaveAttribute('data-met', 'false');
    expect(screen.getByText(/at least 12 characters/)).toBeInTheDocument();
  });

  it('ticks the rules as they are met', () => {
    render(
      <PasswordRulesChecklist id="r" rules={rules} password="correct horse" confirm="correct horse" score={4} />,
    );
    expect(items().map((i) => i.getAttribute('data-met'))).toEqual(['true', 'true', 'true', 'true']);
  });

  it('counts length in code points, not UTF-16 units', () => {
    const emoji = '🔑'.repeat(12); // 24 UTF-16 units, 12 code points
    expect(codePoints(emoji)).toBe(12);
    render(<PasswordRulesChecklist id="r" rules={rules} password={emoji} score={null} />);
    expect(items()[0]).toHaveAttribute('data-met', 'true');
    expect(items()[1]).toHaveAttribute('data-met', 'true'); // ≤ 16 code points
  });

  it('flags a password over the maximum and a mismatched confirmation', () => {
    render(<PasswordRulesChecklist id="r" rules={rules} password={'a'.repeat(17)} confirm="b" score={1} />);
    const [min, max, strength, match] = items();
    expect(min).toHaveAttribute('data-met', 'true');
    expect(max).toHaveAttribute('data-met', 'false');
    expect(strength).toHaveAttribute('data-met', 'false');
    expect(match).toHaveAttribute('data-met', 'false');
  });
});
