/**
 * RFC 8785 (JSON Canonicalization Scheme) for values that came out of `JSON.parse`: object keys
 * sorted by UTF-16 code units, no whitespace, and strings and numbers written as ECMAScript's
 * `JSON.stringify` writes them, which is what the RFC prescribes.
 *
 * Hashing every appended event canonicalises it, so this is written for speed: plain loops
 * and string concatenation, no intermediate arrays. The `canonicalize` package is the reference
 * its tests compare it with.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`${value} cannot be written as JSON`);
      return JSON.stringify(value);
    case 'object':
      return Array.isArray(value)
        ? canonicalArray(value)
        : canonicalObject(value as Record<string, unknown>);
    default:
      throw new Error(`A ${typeof value} cannot be written as canonical JSON`);
  }
}

function canonicalArray(items: readonly unknown[]): string {
  let text = '[';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) text += ',';
    text += canonicalJson(items[i]);
  }
  return text + ']';
}

function canonicalObject(object: Record<string, unknown>): string {
  const keys = Object.keys(object).sort();
  let text = '{';
  let first = true;
  for (const key of keys) {
    const member = object[key];
    if (member === undefined) continue;
    if (!first) text += ',';
    text += JSON.stringify(key) + ':' + canonicalJson(member);
    first = false;
  }
  return text + '}';
}
