// Spec 04 §1: ATC expression matchers. And/Or drop empty children; one child renders bare; several are
// each parenthesized and joined.

/** A node of an expression: a predicate or a combination of nodes. */
export type Matcher =
  | { readonly kind: 'predicate'; readonly text: string }
  | { readonly kind: 'and' | 'or'; readonly children: readonly Matcher[] };

/** `"..."` with `\`, `"`, newline, CR and tab escaped, in that order (spec 04 §1.3). */
export function stringLiteral(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`;
}

/** `<field> <op> "<value>"` */
export function predicate(field: string, op: '==' | '^=' | '=^' | '~', value: string): Matcher {
  return { kind: 'predicate', text: `${field} ${op} ${stringLiteral(value)}` };
}

/** `<field> == <int>` */
export function intPredicate(field: string, value: number): Matcher {
  return { kind: 'predicate', text: `${field} == ${value}` };
}

export function isEmpty(m: Matcher): boolean {
  return m.kind !== 'predicate' && m.children.length === 0;
}

export function and(...children: Matcher[]): Matcher {
  return { kind: 'and', children: children.filter((c) => !isEmpty(c)) };
}

export function or(...children: Matcher[]): Matcher {
  return { kind: 'or', children: children.filter((c) => !isEmpty(c)) };
}

/** The expression text. */
export function render(m: Matcher): string {
  if (m.kind === 'predicate') return m.text;
  if (m.children.length === 0) return '';
  if (m.children.length === 1) return render(m.children[0]);
  return m.children.map((c) => `(${render(c)})`).join(m.kind === 'and' ? ' && ' : ' || ');
}

const HOST_PATTERN = /^(\*\.)?([a-zA-Z0-9]+(-[a-zA-Z0-9]+)*)+(\.([a-zA-Z0-9]+(-[a-zA-Z0-9]+)*))*?(\.\*)?$/;
const SNI_PATTERN = /^([a-zA-Z0-9]+(-[a-zA-Z0-9]+)*)+(\.([a-zA-Z0-9]+(-[a-zA-Z0-9]+)*))*$/;
const METHOD_PATTERN = /^[A-Z]+$/;

/** True for hostnames the expressions router accepts (spec 04 §1.5). */
export function isValidHost(host: string): boolean {
  return HOST_PATTERN.test(host);
}

/** True for SNIs the expressions router accepts (no wildcards). */
export function isValidSNI(sni: string): boolean {
  return SNI_PATTERN.test(sni);
}

/** True for upper-case method names. */
export function isValidMethod(method: string): boolean {
  return METHOD_PATTERN.test(method);
}

/** Spec 04 §1.5: Or over hosts; `*.x` is a suffix match on `.x`; invalid hosts are skipped. */
export function hostMatcher(hosts: readonly string[]): Matcher {
  return or(
    ...hosts.filter(isValidHost).map((h) => (h.startsWith('*') ? predicate('http.host', '=^', h.slice(1)) : predicate('http.host', '==', h))),
  );
}

/** Spec 04 §1.5: Or of tls.sni equalities; invalid SNIs are skipped. */
export function sniMatcher(snis: readonly string[]): Matcher {
  return or(...snis.filter(isValidSNI).map((s) => predicate('tls.sni', '==', s)));
}

/** Spec 04 §1.5: Or of http.method equalities; invalid methods are skipped. */
export function methodMatcher(methods: readonly string[]): Matcher {
  return or(...methods.filter(isValidMethod).map((m) => predicate('http.method', '==', m)));
}

/** `http.headers.<name>`: lower-cased, `-` replaced by `_` (spec 04 §1.1). */
export function headerField(name: string): string {
  return `http.headers.${name.toLowerCase().replaceAll('-', '_')}`;
}

/** Adds `value * 2^shift` without 32-bit overflow (priorities go up to 2^46). */
export function shifted(value: number, shift: number): number {
  return value * 2 ** shift;
}
