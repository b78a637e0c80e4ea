/**
 * The compact structural schema format shared by the generated Kubernetes schemas and the CRD
 * schemas: just enough of OpenAPI to find unknown fields, wrong types and missing required fields.
 *
 * A type code is one of:
 * - `s` string, `n` number (integer in Kubernetes types), `f` floating-point number, `b` boolean,
 *   `d` date-time string, `q` resource quantity, `i` int-or-string, `*` anything,
 * - `[]T` a list of T, `{}T` a map of string to T,
 * - `@Name` the named object type in `defs`.
 */
export type TypeCode = string;

/** An object type: its fields and, when some are required, their names. */
export type ObjectDef = [fields: Record<string, TypeCode>, required?: string[]];

export interface KubeSchemaData {
  /** Kubernetes minor version, e.g. `1.33`. */
  version: string;
  /** `apiVersion/kind` (e.g. `apps/v1/Deployment`) → the object type of the whole object. */
  kinds: Record<string, string>;
  defs: Record<string, ObjectDef>;
  /** Object types whose unknown fields are accepted (x-kubernetes-preserve-unknown-fields). */
  open?: string[];
  /** `Type.field` → the only strings the field (or each item of a list field) may hold: an `enum`. */
  enums?: Record<string, string[]>;
}
