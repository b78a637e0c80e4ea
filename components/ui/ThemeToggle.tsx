'use client';
import { useEffect, useState } from 'react';
import { applyTheme, currentTheme, type Theme } from './theme';

/** A button switching between light and dark themes. */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>('light');
  useEffect(() => setTheme(currentTheme()), []);
  const next: Theme = theme === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      className="button ghost"
      aria-pressed={theme === 'dark'}
      onClick={() => {
        applyTheme(next);
        setTheme(next);
      }}
    >
      Dark theme
    </button>
  );
}
