/** An object's creationTimestamp in milliseconds since the epoch; 0 when absent or unreadable (sort keys). */
export function creationTime(obj: { readonly metadata: { readonly creationTimestamp?: string } }): number {
  return parseTimestamp(obj.metadata.creationTimestamp ?? '') || 0;
}

/**
 * Milliseconds since the epoch of a Kubernetes timestamp, as Date.parse reads it (NaN when it cannot).
 * Kubernetes writes times as `YYYY-MM-DDTHH:MM:SSZ`: that form is read here from its digits (Date.parse's
 * general parser cost ~1 µs per object when ordering 10k Ingresses); anything else, and any field out of
 * its range, goes to Date.parse (as do years before 100, which Date.UTC reads as 19xx). Day overflow
 * (`02-30`) rolls over the same way in both.
 */
export function parseTimestamp(s: string): number {
  if (s.length !== 20 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58 || s.charCodeAt(19) !== 90) {
    return Date.parse(s);
  }
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  const second = digits(s, 17, 2);
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
    return Date.parse(s);
  }
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

// The decimal number of s[start, start + n), or -1 when a character is not a digit.
function digits(s: string, start: number, n: number): number {
  let v = 0;
  for (let i = start; i < start + n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}
