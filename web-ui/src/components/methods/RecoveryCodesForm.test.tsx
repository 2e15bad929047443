import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi } from '../../test/fetchMock';
import { RecoveryCodesForm } from './RecoveryCodesForm';

afterEach(() => {
  vi.unstubAllGlobals();
});

const codes = Array.from({ length: 10 }, (_, i) => `abc${i}-defg-h${i}`);

describe('RecoveryCodesForm', () => {
  it('shows the codes once, offers them to download, and finishes only once saved', async () => {
    mockApi({
      'POST /api/v1/me/methods': {
        status: 201,
        body: { method_id: 'r1', kind: 'recovery_codes', status: 'active', hint: 'Recovery codes', codes },
      },
    });
    const done = vi.fn();
    render(<RecoveryCodesForm onDone={done} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Generate recovery codes' }));
    const list = await screen.findByRole('list', { name: 'Your recovery codes' });
    expect(list.querySelectorAll('li')).toHaveLength(10);
    const file = screen.getByRole('link', { name: 'Download' }).getAttribute('href') ?? '';
    expect(decodeURIComponent(file)).toContain(codes.join('\n'));
    const finish = screen.getByRole('button', { name: 'Done' });
    expect(finish).toBeDisabled();
    await user.click(screen.getByLabelText('I have saved my codes'));
    await user.click(finish);
    expect(done).toHaveBeenCalled();
    expect(screen.queryByText('abc0-defg-h0')).toBeNull();
  });
});
