import { FEATURE_GATE_DEFAULTS, type FeatureGateName, type FeatureGates, type KongVersion, type RouterFlavor } from '../translate/options.js';
import type { ObjectRef } from '../model/object-ref.js';
import { KINDS, type KindName } from '../model/kinds.js';

/** A flag value that cannot be used: `translate` prints it as one line and exits 2. */
export class FlagError extends Error {
  override readonly name = 'FlagError';
}

/** `--router-flavor` */
export function parseRouterFlavor(value: string): RouterFlavor {
  if (value === 'traditional_compatible' || value === 'expressions') return value;
  // KIC's `traditional` flavor translates like traditional_compatible.
  if (value === 'traditional') return 'traditional_compatible';
  throw new FlagError(`--router-flavor: "${value}" is not one of traditional_compatible, expressions`);
}

/** `--feature-gates Name=true,Other=false` over KIC's defaults. Unknown names are errors, as in KIC. */
export function parseFeatureGates(value: string | undefined): FeatureGates {
  const gates: Record<string, boolean> = { ...FEATURE_GATE_DEFAULTS };
  if (!value) return gates as FeatureGates;
  for (const item of value.split(',')) {
    const pair = item.trim();
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const name = (eq < 0 ? pair : pair.slice(0, eq)).trim();
    const raw = eq < 0 ? '' : pair.slice(eq + 1).trim().toLowerCase();
    if (!(name in FEATURE_GATE_DEFAULTS)) {
      throw new FlagError(`--feature-gates: unknown feature gate "${name}" (known: ${Object.keys(FEATURE_GATE_DEFAULTS).join(', ')})`);
    }
    if (raw !== 'true' && raw !== 'false') throw new FlagError(`--feature-gates: ${name} needs =true or =false, got "${pair}"`);
    gates[name as FeatureGateName] = raw === 'true';
  }
  if (gates.KongCustomEntity && !gates.FillIDs) {
    throw new FlagError('--feature-gates: KongCustomEntity=true requires FillIDs=true');
  }
  return gates as FeatureGates;
}

/** `--kong-version X.Y.Z` (a leading `v` and a pre-release suffix are accepted). */
export function parseKongVersion(value: string): KongVersion {
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?(?:[-+.][0-9A-Za-z.-]*)?$/.exec(value.trim());
  if (!m) throw new FlagError(`--kong-version: "${value}" is not a version like 3.9.1`);
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0) };
}

/** `--ingress-class`: a DNS-1123 subdomain, as Kubernetes object names are. */
export function parseIngressClass(value: string): string {
  if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(value) || value.length > 253) {
    throw new FlagError(`--ingress-class: "${value}" is not a valid IngressClass name`);
  }
  return value;
}

/** `--assume-rejected Kind:namespace/name` (or `Kind:name` for cluster-scoped kinds). */
export function parseObjectRefFlag(value: string, flag = '--assume-rejected'): ObjectRef {
  const m = /^([A-Za-z]+):(?:([a-z0-9]([-a-z0-9]*[a-z0-9])?)\/)?([a-z0-9]([-a-z0-9.]*[a-z0-9])?)$/.exec(value);
  if (!m) throw new FlagError(`${flag}: "${value}" is not Kind:namespace/name`);
  const kind = m[1];
  const info = (KINDS as Readonly<Record<string, (typeof KINDS)[KindName]>>)[kind];
  if (!info) throw new FlagError(`${flag}: unknown kind "${kind}" in "${value}"`);
  const namespace = m[2];
  if (info.namespaced && !namespace) throw new FlagError(`${flag}: ${kind} is namespaced: use ${kind}:namespace/name`);
  if (!info.namespaced && namespace) throw new FlagError(`${flag}: ${kind} is cluster-scoped: use ${kind}:name`);
  return namespace ? { group: info.group, kind, namespace, name: m[4] } : { group: info.group, kind, name: m[4] };
}

/** `-o yaml|json` */
export function parseOutputFormat(value: string): 'yaml' | 'json' {
  if (value === 'yaml' || value === 'json') return value;
  throw new FlagError(`--output: "${value}" is not one of yaml, json`);
}
