import type { Metadata } from 'next';
import { RemoteConfigurator } from '@/components/catalog/RemoteConfigurator';

export const metadata: Metadata = { title: 'Configure a repository chart — chartroom' };

export default function RemoteConfigurePage() {
  return <RemoteConfigurator />;
}
