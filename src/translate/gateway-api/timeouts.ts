const DURATION = /^([0-9]{1,5}(h|m|s|ms)){1,4}$/;
const PART = /([0-9]{1,5})(ms|h|m|s)/g;
const UNIT_MS: Readonly<Record<string, number>> = { h: 3600000, m: 60000, s: 1000, ms: 1 };

/** A Gateway API Duration (`1h`, `30s`, `500ms`, `1m30s`: up to four number+unit parts) in milliseconds. */
export function parseGatewayDuration(value: string): number | undefined {
  if (!DURATION.test(value)) return undefined;
  let total = 0;
  for (const m of value.matchAll(PART)) total += Number(m[1]) * UNIT_MS[m[2]];
  return total;
}
