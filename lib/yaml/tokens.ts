/** The tokens of go-yaml v2's scanner (yamlh.go). */
import type { Mark } from './errors';

/** Token types (yaml_token_type_t). */
export const T = {
  STREAM_START: 1,
  STREAM_END: 2,
  VERSION_DIRECTIVE: 3,
  TAG_DIRECTIVE: 4,
  DOCUMENT_START: 5,
  DOCUMENT_END: 6,
  BLOCK_SEQUENCE_START: 7,
  BLOCK_MAPPING_START: 8,
  BLOCK_END: 9,
  FLOW_SEQUENCE_START: 10,
  FLOW_SEQUENCE_END: 11,
  FLOW_MAPPING_START: 12,
  FLOW_MAPPING_END: 13,
  BLOCK_ENTRY: 14,
  FLOW_ENTRY: 15,
  KEY: 16,
  VALUE: 17,
  ALIAS: 18,
  ANCHOR: 19,
  TAG: 20,
  SCALAR: 21,
} as const;

/** Scalar styles (yaml_scalar_style_t). */
export const STYLE = { PLAIN: 1, SINGLE: 2, DOUBLE: 3, LITERAL: 4, FOLDED: 5 } as const;

/** A scanned token; `value` is the scalar text, anchor name, tag handle or directive handle. */
export interface Token {
  type: number;
  start: Mark;
  end: Mark;
  value?: string;
  /** Tag suffix, or the %TAG directive's prefix. */
  suffix?: string;
  style?: number;
  major?: number;
  minor?: number;
}
