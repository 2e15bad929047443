// Light or dark: the device's choice (`prefers-color-scheme`) unless the person picked one with
// the switcher, remembered on this browser in a cookie (no secret; the app keeps nothing in web
// storage). The stylesheet does the rest: every colour is `light-dark(…)`, and `data-theme` on
// <html> pins `color-scheme`.

export type Theme = 'system' | 'light' | 'dark';

export const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

const COOKIE = 'sspr_theme';

/** The theme chosen on this browser, else the device's. */
export function savedTheme(): Theme {
  if (typeof document === 'undefined') return 'system';
  const saved = new RegExp(`(?:^|; )${COOKIE}=(light|dark)`).exec(document.cookie)?.[1];
  return saved === 'light' || saved === 'dark' ? saved : 'system';
}

/** Shows the page in `theme`. */
export function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

/** The person chose `theme`: show it and remember it here for a year (or forget it). */
export function chooseTheme(theme: Theme): void {
  const secure = window.location.protocol === 'https:' ? '; secure' : '';
  document.cookie =
    theme === 'system'
      ? `${COOKIE}=; path=/; max-age=0; samesite=lax${secure}`
      : `${COOKIE}=${theme}; path=/; max-age=31536000; samesite=lax${secure}`;
  applyTheme(theme);
}
