#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { addTranslateCommand, type CommandIO } from './translate-command.js';
import { FlagError } from './flags.js';
import { ManifestError } from '../store/load-manifests.js';

/** Runs the CLI with these arguments; returns the exit code. Fatal input errors are one line on stderr, exit 2. */
export function main(argv: readonly string[], io: CommandIO): number {
  let exitCode = 0;
  const program = new Command()
    .name('kic')
    .description('kic-ts: an ingress controller for Kong Gateway')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showSuggestionAfterError(true);
  addTranslateCommand(program, io, (code) => (exitCode = code));
  try {
    program.parse([...argv], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version are not errors; usage errors are (commander already printed its line).
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof FlagError || err instanceof ManifestError) {
      io.stderr(`kic: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  return exitCode;
}

const isEntry = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntry) {
  const chunks: string[] = [];
  const code = main(process.argv.slice(2), {
    stdout: (s) => chunks.push(s),
    stderr: (s) => process.stderr.write(s),
  });
  // One write of the whole document: large configs must not be cut by an early exit.
  process.stdout.write(chunks.join(''), () => process.exit(code));
}
