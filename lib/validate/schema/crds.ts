/** Schemas of the custom resources chartroom's charts and exports render. */
import type { KubeSchemaData } from './format';

export const CRD_SCHEMAS: KubeSchemaData = { version: 'crds', kinds: {}, defs: {} };
