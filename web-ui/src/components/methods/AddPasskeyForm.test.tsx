import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi } from '../../test/fetchMock';
import { AddPasskeyForm } from './AddPasskeyForm';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A browser with WebAuthn whose device answers `made` (or refuses with `refusal`). */
function browser(made: object, refusal?: string) {
  class FakeCredential {
    toJSON() {
      return made;
    }
    static parseCreationOptionsFromJSON(options: unknown) {
      return { parsed: options };
    }
    static parseRequestOptionsFromJSON(options: unknown) {
      return { parsed: options };
    }
  }
  const create = vi.fn(async () => {
    if (refusal) throw new DOMException('no', refusal);
    return new FakeCredential();
  });
  vi.stubGlobal('PublicKeyCredential', FakeCredential);
  vi.stubGlobal('navigator', { ...navigator, credentials: { create, get: vi.fn() } });
  return create;
}

const added = {
  status: 201,
  body: { method_id: 'k1', kind: 'passkey', status: 'pending', hint: 'Passkey', creation_options: { challenge: 'c' } },
};

describe('AddPasskeyForm', () => {
  it('names the passkey, lets the browser make it and sends what it made', async () => {
    const create = browser({ id: 'cred-1', type: 'public-key' });
    const { calls } = mockApi({
      'POST /api/v1/me/methods': added,
      'POST /api/v1/me/methods/k1/verify': { body: { method_id: 'k1', kind: 'passkey', status: 'active' } },
    });
    const done = vi.fn();
    render(<AddPasskeyForm onDone={done} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Name'), 'Work laptop');
    await user.click(screen.getByRole('button', { name: 'Create a passkey' }));
    await vi.waitFor(() => expect(done).toHaveBeenCalled());
    expect(create).toHaveBeenCalledWith({ publicKey: { parsed: { challenge: 'c' } } });
    const sent = calls.find((r) => r.url.endsWith('/k1/verify'));
    expect(await sent?.clone().json()).toEqual({ credential: { id: 'cred-1', type: 'public-key' } });
    const asked = calls.find((r) => r.url.endsWith('/api/v1/me/methods'));
    expect(await asked?.clone().json()).toEqual({ kind: 'passkey', name: 'Work laptop' });
  });

  it('says so when the person cancels at the device, and sends nothing', async () => {
    browser({}, 'NotAllowedError');
    const { calls } = mockApi({ 'POST /api/v1/me/methods': added });
    render(<AddPasskeyForm onDone={vi.fn()} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Name'), 'Phone');
    await user.click(screen.getByRole('button', { name: 'Create a passkey' }));
    expect(await screen.findByText(/The passkey was not used/)).toBeTruthy();
    expect(calls.some((r) => r.url.endsWith('/verify'))).toBe(false);
  });

  it('tells a browser without passkeys', () => {
    vi.stubGlobal('PublicKeyCredential', undefined);
    render(<AddPasskeyForm onDone={vi.fn()} />);
    expect(screen.getByText(/cannot use passkeys/)).toBeTruthy();
  });
});
