// The contract of the values form component (components/form), resolved by next.config.mjs.
declare module '@chartroom/values-form' {
  import type { ComponentType } from 'react';
  export interface ValuesFormProps {
    schema: unknown;
    values: Record<string, unknown>;
    onChange: (path: string | readonly (string | number)[], value: unknown) => void;
    errors?: Record<string, string[]>;
  }
  export const ValuesForm: ComponentType<ValuesFormProps>;
}
