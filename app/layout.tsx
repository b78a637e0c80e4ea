import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { AppHeader } from '@/components/layout/AppHeader';
import { ServiceWorkerRegistration } from '@/components/layout/ServiceWorkerRegistration';
import { THEME_BOOT_SCRIPT } from '@/components/ui/theme';
import './globals.css';

export const metadata: Metadata = {
  title: 'chartroom',
  description: 'Configure Helm charts in the browser, with manifests rendered as helm template does.',
  manifest: '/manifest.webmanifest',
  icons: { icon: '/icons/icon.svg', apple: '/icons/apple-touch-icon.png' },
};

export const viewport: Viewport = { themeColor: '#0b5cad' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Set by proxy.ts for this response's Content-Security-Policy; reading it renders every page
  // per request, which a nonce needs.
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* Applies the saved theme before first paint, so a dark page never flashes light. */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_BOOT_SCRIPT }} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        <ServiceWorkerRegistration />
        <AppHeader />
        {children}
      </body>
    </html>
  );
}
