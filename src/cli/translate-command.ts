import type { Command } from 'commander';
import { loadManifests } from '../store/load-manifests.js';
import { Snapshot } from '../store/snapshot.js';
import { defaultTranslateOptions } from '../translate/options.js';
import { formatFailure, formatWarning } from '../translate/failures.js';
import { writeDeclarative } from '../serialize/write-declarative.js';
import { knownKind } from '../model/kinds.js';
import { parseApiVersion } from '../model/meta.js';
import type { ObjectRef } from '../model/object-ref.js';
import {
  FlagError,
  parseFeatureGates, parseIngressClass, parseKongVersion, parseObjectRefFlag, parseOutputFormat, parseRouterFlavor,
} from './flags.js';
import { translateWithFallback } from '../fallback/assume-rejected.js';

/** What the command writes; tests pass their own. */
export type CommandIO = {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly readStdin?: () => string;
};

type TranslateFlags = {
  filename: string[];
  output: string;
  routerFlavor: string;
  featureGates?: string;
  ingressClass: string;
  kongVersion: string;
  assumeRejected: string[];
  failOnTranslationFailure?: boolean;
};

const collect = (v: string, prev: string[]): string[] => [...prev, v];

/** Registers `kic translate`. */
export function addTranslateCommand(program: Command, io: CommandIO, setExit: (code: number) => void): void {
  program
    .command('translate')
    .description('print the Kong configuration that a set of Kubernetes manifests produce, offline')
    .requiredOption('-f, --filename <path>', 'file, directory (recursive) or - for stdin; repeatable', collect, [])
    .option('-o, --output <format>', 'yaml or json', 'yaml')
    .option('--router-flavor <flavor>', 'traditional_compatible or expressions', 'traditional_compatible')
    .option('--feature-gates <gates>', 'Name=true|false,... (KIC gate names)')
    .option('--ingress-class <name>', 'the ingress class to translate', 'kong')
    .option('--kong-version <version>', 'the Kong version to generate for', '3.9.1')
    .option('--assume-rejected <Kind:namespace/name>', 'build the fallback config as if Kong rejected this object; repeatable', collect, [])
    .option('--fail-on-translation-failure', 'exit 1 when any object failed to translate')
    .action((flags: TranslateFlags) => setExit(runTranslate(flags, io)));
}

function runTranslate(flags: TranslateFlags, io: CommandIO): number {
  // Flags first: a bad flag must not wait for a large manifest set to load.
  const format = parseOutputFormat(flags.output);
  const options = defaultTranslateOptions({
    routerFlavor: parseRouterFlavor(flags.routerFlavor),
    featureGates: parseFeatureGates(flags.featureGates),
    ingressClass: parseIngressClass(flags.ingressClass),
    kongVersion: parseKongVersion(flags.kongVersion),
    now: new Date(),
  });
  const rejected: ObjectRef[] = flags.assumeRejected.map((v) => parseObjectRefFlag(v));
  // commander's requiredOption is satisfied by the [] default of a repeatable option: check it here.
  if (flags.filename.length === 0) throw new FlagError('-f, --filename is required: a file, a directory or - for stdin');
  const loaded = loadManifests(flags.filename, io.readStdin);

  // Unknown kinds (also a known Kind in another API group) are left out, with one warning per group and Kind.
  const unknownKinds = new Map<string, string>();
  const known = loaded.objects.filter((o) => {
    const { group } = parseApiVersion(o.apiVersion);
    if (knownKind(group, o.kind)) return true;
    if (!unknownKinds.has(`${group}/${o.kind}`)) unknownKinds.set(`${group}/${o.kind}`, `${o.kind} (${o.apiVersion})`);
    return false;
  });
  for (const k of [...unknownKinds.values()].sort()) io.stderr(`warning: ignoring objects of kind ${k}: not read by the translator\n`);

  const snapshot = Snapshot.of(known);
  const { result, excluded, notes } = translateWithFallback(snapshot, options, rejected);
  for (const n of notes) io.stderr(`warning: ${n}\n`);
  for (const e of excluded) io.stderr(`excluded: ${e}\n`);
  for (const w of result.warnings) io.stderr(`${formatWarning(w)}\n`);
  for (const f of result.failures) io.stderr(`${formatFailure(f)}\n`);

  // Streamed in pieces: a large config never exists as one string.
  writeDeclarative(result.state, { expressions: options.routerFlavor === 'expressions' }, format === 'json' ? 'json' : 'yaml', io.stdout);
  return flags.failOnTranslationFailure && result.failures.length > 0 ? 1 : 0;
}
