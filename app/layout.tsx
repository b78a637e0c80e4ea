import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { AppHeader } from '@/components/layout/AppHeader';
import { THEME_BOOT_SCRIPT } from '@/components/ui/theme';
import './globals.css';

export const metadata: Metadata = {
  title: 'chartroom',
  description: 'Configure Helm charts in the browser, with manifests rendered as helm template does.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* Applies the saved theme before first paint, so a dark page never flashes light. */}
        <script dangerouslySetInnerHTML={{ __html: THEME_BOOT_SCRIPT }} />
      </head>
      <body>
        <AppHeader />
        {children}
      </body>
    </html>
  );
}
