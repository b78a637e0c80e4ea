/** The events of go-yaml v2's parser (yamlh.go). */
import type { Mark } from './errors';

/** Event types (yaml_event_type_t). */
export const E = {
  STREAM_START: 1,
  STREAM_END: 2,
  DOCUMENT_START: 3,
  DOCUMENT_END: 4,
  ALIAS: 5,
  SCALAR: 6,
  SEQUENCE_START: 7,
  SEQUENCE_END: 8,
  MAPPING_START: 9,
  MAPPING_END: 10,
} as const;

/** A parsing event; `tag` is resolved through the %TAG directives (`!!str` → `tag:yaml.org,2002:str`). */
export interface YamlEvent {
  type: number;
  start: Mark;
  end: Mark;
  anchor?: string;
  tag?: string;
  value?: string;
  /** Scalars: plain without a tag (or tagged `!`); collections: no tag. */
  implicit?: boolean;
  style?: number;
}
