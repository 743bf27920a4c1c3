import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { sha256 } from '../../bench/measure.js';

const whole = (s: string): string => createHash('sha256').update(s).digest('hex');

test('the hash in pieces is the hash of the whole text, also with a surrogate pair across a piece boundary', () => {
  const chunk = 1 << 22;
  for (const text of ['', 'short', `${'a'.repeat(chunk - 1)}😀${'b'.repeat(10)}`, `${'é'.repeat(chunk)}x😀`, '😀'.repeat(chunk)]) {
    assert.equal(sha256(text), whole(text));
  }
});
