import type { Metadata } from 'next';
import { LocalConfigurator } from '@/components/catalog/LocalConfigurator';

export const metadata: Metadata = { title: 'Configure your chart — chartroom' };

export default function LocalConfigurePage() {
  return <LocalConfigurator />;
}
