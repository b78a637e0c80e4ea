/** Light and dark themes: the choice is kept in localStorage and set as `data-theme` on <html>. */
export type Theme = 'light' | 'dark';

export const THEME_STORAGE_KEY = 'chartroom:theme';

/** Runs before first paint: the saved theme, else the system preference. */
export const THEME_BOOT_SCRIPT = `try{var t=localStorage.getItem('${THEME_STORAGE_KEY}');if(t!=='light'&&t!=='dark')t=matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light';document.documentElement.dataset.theme=t}catch(e){document.documentElement.dataset.theme='light'}`;

/** The theme currently applied to the page. */
export function currentTheme(): Theme {
  return typeof document !== 'undefined' && document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

/** Applies and remembers a theme; listeners (the editor) hear about it through `themechange`. */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  try {
    localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // The choice just isn't remembered.
  }
  window.dispatchEvent(new CustomEvent('chartroom:themechange', { detail: theme }));
}
