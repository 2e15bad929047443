import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../i18n';
import { mockApi } from '../test/fetchMock';
import { api, call } from './client';

afterEach(async () => {
  vi.unstubAllGlobals();
  await setLanguage('en');
});

describe('the API client', () => {
  it('asks for the language chosen in the app, so the codes sent are in it too', async () => {
    const { calls } = mockApi({ 'GET /api/v1/config/public': { body: {} } });
    await setLanguage('ar');
    await call(api.GET('/api/v1/config/public'));
    expect(calls[0]?.headers.get('Accept-Language')).toBe('ar');
  });
});
