import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import yaml from 'js-yaml';
import type { K8sObject } from '../src/model/meta.js';
import { generateCluster, type ClusterProfile } from './cluster.js';

export { generateCluster, type ClusterProfile, type ClusterSpec } from './cluster.js';

/** Multi-document YAML, one document per object, as `kubectl get -o yaml` users write manifests. */
export function toYAML(objects: readonly K8sObject[]): string {
  return objects.map((o) => `---\n${yaml.dump(o, { lineWidth: -1, noRefs: true })}`).join('');
}

/** One JSON document: a `v1 List` of the objects. */
export function toJSON(objects: readonly K8sObject[]): string {
  return JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects });
}

/** Writes a cluster as YAML (`.yaml`/`.yml`) or JSON (`.json`). */
export function writeCluster(objects: readonly K8sObject[], file: string): void {
  writeFileSync(file, file.endsWith('.json') ? toJSON(objects) : toYAML(objects));
}

const USAGE = 'usage: node --import tsx bench/generate.ts --size N --out FILE.yaml|FILE.json [--out ...] [--seed S] [--profile mixed|ingress] [--per-namespace N]';

function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      size: { type: 'string' },
      out: { type: 'string', multiple: true },
      seed: { type: 'string', default: '1' },
      profile: { type: 'string', default: 'mixed' },
      'per-namespace': { type: 'string', default: '100' },
    },
  });
  const size = Number(values.size);
  const seed = Number(values.seed);
  const profile = values.profile as ClusterProfile;
  const perNamespace = Number(values['per-namespace']);
  if (!values.out?.length || !Number.isInteger(size) || size < 1 || !Number.isInteger(seed) || !['mixed', 'ingress'].includes(profile)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const objects = generateCluster({ size, seed, profile, perNamespace });
  for (const file of values.out) {
    writeCluster(objects, file);
    process.stderr.write(`wrote ${objects.length} objects (${size} Ingresses, profile ${profile}, seed ${seed}) to ${file}\n`);
  }
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = main(process.argv.slice(2));
