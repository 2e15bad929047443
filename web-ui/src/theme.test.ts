import { afterEach, describe, expect, it } from 'vitest';
import { applyTheme, chooseTheme, savedTheme } from './theme';

describe('theme', () => {
  afterEach(() => {
    chooseTheme('system');
  });

  it('follows the device until the person picks one, and remembers the pick in a cookie', () => {
    expect(savedTheme()).toBe('system');
    expect(document.documentElement.dataset.theme).toBeUndefined();
    chooseTheme('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(document.cookie).toContain('sspr_theme=dark');
    expect(savedTheme()).toBe('dark');
    chooseTheme('system');
    expect(savedTheme()).toBe('system');
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });

  it('applies a theme without remembering it', () => {
    applyTheme('light');
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(savedTheme()).toBe('system');
  });
});
