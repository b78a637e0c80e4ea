'use client';
import { useEffect, useState } from 'react';
import { currentTheme, type Theme } from './theme';

/** The applied theme, updated when the user switches it. */
export function useThemeValue(): Theme {
  const [theme, setTheme] = useState<Theme>('light');
  useEffect(() => {
    setTheme(currentTheme());
    const on = (): void => setTheme(currentTheme());
    window.addEventListener('chartroom:themechange', on);
    return () => window.removeEventListener('chartroom:themechange', on);
  }, []);
  return theme;
}
