import { hasOwn, isEmptyObject, jsonKeys, keyOrder, RAW_FIELDS, sortKeys } from './entity.js';
import type { JsonValue } from '../kongstate/types.js';
import type { EntityPlan } from './sections.js';

/** Where text goes, piece by piece. */
export type TextOut = { write(s: string): void };

/**
 * Writes the compact JSON text of buildEntity(plan) without building it: the same keys in the same order,
 * the same pruning (entity() in entity.ts is the rule; test/serialize holds the two to the same output).
 */
export function writeEntityJSON(out: TextOut, plan: EntityPlan): void {
  writeEntity(out, plan.obj as Record<string, unknown>, plan.raw, plan.nested);
}

function writeEntity(
  out: TextOut, src: Record<string, unknown>, raw?: Record<string, unknown>, nested?: Readonly<Record<string, readonly EntityPlan[]>>,
): void {
  const { keys, first, next } = jsonKeys(keyOrder(src, raw, nested));
  let opened = false;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (nested && hasOwn(nested, key)) {
      const list = nested[key];
      if (list.length === 0) continue;
      out.write(opened ? next[i] : first[i]);
      opened = true;
      for (let j = 0; j < list.length; j++) {
        out.write(j === 0 ? '[' : ',');
        writeEntityJSON(out, list[j]);
      }
      out.write(']');
      continue;
    }
    const v = raw && hasOwn(raw, key) ? raw[key] : src[key];
    if (v === undefined || v === null) continue;
    let text: string | undefined;
    if (typeof v === 'string') text = quote(v);
    else if (typeof v === 'number') text = Number.isFinite(v) ? String(v) : 'null';
    else if (typeof v === 'boolean') text = v ? 'true' : 'false';
    else if (typeof v !== 'object') text = JSON.stringify(v); // what JSON.stringify does with it in an object
    else if (Array.isArray(v)) {
      if (v.length === 0) continue;
      if (RAW_FIELDS.has(key)) text = JSON.stringify(sortKeys(v as JsonValue));
      else if (!hasPlainObject(v)) text = listText(v);
      else {
        out.write(opened ? next[i] : first[i]);
        opened = true;
        writeList(out, v);
        continue;
      }
    } else {
      if (isEmptyObject(v)) continue;
      if (RAW_FIELDS.has(key)) text = JSON.stringify(sortKeys(v as JsonValue));
      else {
        out.write(opened ? next[i] : first[i]);
        opened = true;
        writeEntity(out, v as Record<string, unknown>);
        continue;
      }
    }
    if (text === undefined) continue;
    out.write((opened ? next[i] : first[i]) + text);
    opened = true;
  }
  out.write(opened ? '}' : '{}');
}

// entityList: plain objects become entities, anything else is written as JSON.stringify writes it in a list.
function writeList(out: TextOut, v: readonly unknown[]): void {
  for (let j = 0; j < v.length; j++) {
    out.write(j === 0 ? '[' : ',');
    const x = v[j];
    if (isPlainItem(x)) writeEntity(out, x as Record<string, unknown>);
    else out.write(JSON.stringify(x) ?? 'null');
  }
  out.write(']');
}

// A list without objects, as JSON.stringify writes it (strings are most of a Kong config's text).
function listText(v: readonly unknown[]): string {
  let s = '[';
  for (let j = 0; j < v.length; j++) {
    const x = v[j];
    s += (j === 0 ? '' : ',') + (typeof x === 'string' ? quote(x) : (JSON.stringify(x) ?? 'null'));
  }
  return `${s}]`;
}

// Characters JSON.stringify escapes: quote, backslash, controls, and surrogates (lone ones are escaped).
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** JSON.stringify(s), without its per-call cost for the common string that needs no escape. */
export function quote(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`;
}

function isPlainItem(x: unknown): boolean {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

function hasPlainObject(v: readonly unknown[]): boolean {
  for (let j = 0; j < v.length; j++) if (isPlainItem(v[j])) return true;
  return false;
}
