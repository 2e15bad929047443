import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { t } from '../../i18n';
import { AddMethodPanel } from './AddMethodPanel';

const contacts = { email: 'lee@example.org', mobile_phone: '+14155550301', office_phone: '+14155559999' };

async function open(kind: string) {
  const user = userEvent.setup();
  await user.selectOptions(screen.getByLabelText(t('security.add_kind')), kind);
  await user.click(screen.getByRole('button', { name: t('action.continue') }));
}

describe('AddMethodPanel', () => {
  it("starts each contact form from what the directory keeps, which the person may change", async () => {
    render(<AddMethodPanel kinds={['mobile_sms', 'office_voice', 'email']} contacts={contacts} onAdded={vi.fn()} />);
    await open('office_voice');
    expect(screen.getByLabelText(t('add.phone.label'))).toHaveValue('+14155559999');
  });

  it('starts empty without a suggestion', async () => {
    render(<AddMethodPanel kinds={['mobile_sms']} contacts={{ email: null, mobile_phone: null, office_phone: null }} onAdded={vi.fn()} />);
    await open('mobile_sms');
    expect(screen.getByLabelText(t('add.phone.label'))).toHaveValue('');
  });
});
