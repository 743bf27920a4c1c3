/** Splits a comma-separated annotation value: items trimmed, empty items dropped. */
export function splitList(value: string | undefined, separator = ','): string[] {
  if (value === undefined || value === '') return [];
  // One item with nothing to trim (most annotations): no intermediate lists.
  if (!value.includes(separator) && value.trim() === value) return [value];
  return value
    .split(separator)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export const HEADERS_PREFIX = 'konghq.com/headers.';
export const HEADERS_SEPARATOR_ANNOTATION = 'konghq.com/headers-separator';

/** The `konghq.com/headers.<name>` annotations: name (as written) -> values (trimmed, empty items kept). */
export function headerAnnotations(annotations: Readonly<Record<string, string>> | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!annotations) return out;
  const sep = annotations[HEADERS_SEPARATOR_ANNOTATION] || ',';
  for (const [key, value] of Object.entries(annotations)) {
    if (!key.startsWith(HEADERS_PREFIX)) continue;
    const name = key.slice(HEADERS_PREFIX.length);
    if (!name || !value) continue;
    out.set(name, value.split(sep).map((v) => v.trim()));
  }
  return out;
}
