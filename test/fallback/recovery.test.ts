import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseKongErrors } from '../../src/fallback/kong-errors.js';
import { planRecovery } from '../../src/fallback/recovery.js';
import { flattenedError, kongErrorBody, service, tagsOf } from '../helpers/fallback-builders.js';

const named = parseKongErrors(kongErrorBody([flattenedError('service', 's', tagsOf(service('s')), [{ type: 'field', field: 'host', message: 'bad' }])]));
const unnamed = parseKongErrors(kongErrorBody([flattenedError('service', 's', tagsOf(service('s', { uid: '' })), [{ type: 'field', field: 'host', message: 'bad' }])]));
const garbage = parseKongErrors('<html>oops</html>');
const GATE_ON = { fallbackConfiguration: true, useLastValidConfigForFallback: false };
const GATE_OFF = { fallbackConfiguration: false, useLastValidConfigForFallback: false };

const cases = [
  { name: 'gate on, object named: fallback', errors: named, settings: GATE_ON, lastState: true, want: 'fallback' },
  { name: 'gate on, no object named: last valid state', errors: unnamed, settings: GATE_ON, lastState: true, want: 'last-valid-state' },
  { name: 'gate on, no object named, no last state: nothing', errors: unnamed, settings: GATE_ON, lastState: false, want: 'none' },
  { name: 'gate off: last valid state', errors: named, settings: GATE_OFF, lastState: true, want: 'last-valid-state' },
  { name: 'gate off, no last state: nothing', errors: named, settings: GATE_OFF, lastState: false, want: 'none' },
  { name: 'unparseable body: nothing, even with a last state', errors: garbage, settings: GATE_ON, lastState: true, want: 'none' },
] as const;
for (const tc of cases) {
  test(tc.name, () => {
    assert.equal(planRecovery(tc.errors, tc.settings, tc.lastState).kind, tc.want);
  });
}

test('the fallback plan carries the broken objects', () => {
  const plan = planRecovery(named, GATE_ON, false);
  assert.deepEqual(plan.kind === 'fallback' ? plan.broken.map((b) => b.name) : [], ['s']);
});
