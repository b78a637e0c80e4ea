/** Go's regexp (RE2) for `pattern` keywords, compiled once per pattern for both validators. */
import { RE2JS } from 're2js';

const compiled = new Map<string, RE2JS>();

/** The compiled pattern; MatchString semantics (a match anywhere) are the caller's `find()`. */
export function goRegexp(pattern: string): RE2JS {
  let re = compiled.get(pattern);
  if (!re) {
    re = RE2JS.compile(pattern);
    compiled.set(pattern, re);
  }
  return re;
}
