import type { JsonValue } from '../../kongstate/types.js';

/**
 * Spec 05 §2.2: the RFC 6902 `add` operation KIC applies for each configPatches item. Missing intermediate
 * objects are created; an empty path replaces the whole document. Returns the new document or an error text
 * (never containing the value).
 */
export function jsonPatchAdd(doc: JsonValue, path: string, value: JsonValue): { doc: JsonValue } | { error: string } {
  if (path === '') return { doc: value };
  if (!path.startsWith('/')) return { error: `path "${path}" is not a JSON pointer` };
  const tokens = path.slice(1).split('/').map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));
  const root = structuredClone(doc);
  let node: JsonValue = root;
  for (let i = 0; i < tokens.length - 1; i++) {
    const t = tokens[i];
    if (Array.isArray(node)) {
      const idx = arrayIndex(t, node.length - 1);
      if (idx === undefined) return { error: `path "${path}": no array element "${t}"` };
      node = node[idx];
      continue;
    }
    if (node === null || typeof node !== 'object') return { error: `path "${path}": "${tokens[i - 1] ?? ''}" is not an object` };
    const next: JsonValue | undefined = node[t];
    if (next === undefined) node[t] = {};
    else if (next === null || typeof next !== 'object') return { error: `path "${path}": "${t}" is not an object` };
    node = node[t];
  }
  const last = tokens[tokens.length - 1];
  if (Array.isArray(node)) {
    const idx = last === '-' ? node.length : arrayIndex(last, node.length);
    if (idx === undefined) return { error: `path "${path}": no array position "${last}"` };
    node.splice(idx, 0, value);
  } else if (node !== null && typeof node === 'object') {
    node[last] = value;
  } else {
    return { error: `path "${path}": parent is not an object` };
  }
  return { doc: root };
}

function arrayIndex(token: string, max: number): number | undefined {
  if (!/^(0|[1-9][0-9]*)$/.test(token)) return undefined;
  const n = Number(token);
  return n <= max ? n : undefined;
}
