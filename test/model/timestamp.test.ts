import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTimestamp } from '../../src/model/timestamp.js';

test('parseTimestamp reads what Date.parse reads, for Kubernetes times and everything near them', () => {
  const cases = [
    '2025-01-01T00:00:00Z', '1970-01-01T00:00:00Z', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2024-02-29T12:34:56Z',
    '2025-02-29T00:00:00Z', '2025-02-30T00:00:00Z', '2025-04-31T10:00:00Z', '2025-01-32T00:00:00Z', '2025-13-01T00:00:00Z',
    '2025-00-10T00:00:00Z', '2025-01-00T00:00:00Z', '2025-01-01T24:00:00Z', '2025-01-01T23:60:00Z', '2025-01-01T23:59:60Z',
    '2025-01-01T00:00:00z', '2025-01-01 00:00:00Z', '2025-01-01T00:00:00+00:00', '2025-01-01T00:00:00.123Z', '2025-1-01T00:00:00Z',
    '2025-01-01T0a:00:00Z', '+02025-01-01T00:00:0Z', '2025-01-01', '', 'not a time', 'Wed, 01 Jan 2025 00:00:00 GMT',
  ];
  let seed = 5;
  for (let i = 0; i < 500; i++) {
    const n = (max: number): string => String((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % max).padStart(2, '0');
    cases.push(`20${n(100)}-${n(14)}-${n(33)}T${n(26)}:${n(62)}:${n(62)}Z`);
  }
  for (const s of cases) assert.equal(parseTimestamp(s), Date.parse(s), JSON.stringify(s));
});
