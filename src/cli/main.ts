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

/**
 * Runs the CLI as this process: output goes to stdout piece by piece as it is written (never joined into
 * one string), and the process exits once all of it is flushed. A reader that stops early (`| head`)
 * ends the run quietly.
 */
export function runProcess(argv: readonly string[]): void {
  let code = 0;
  const stdout = process.stdout;
  stdout.on('error', (err: NodeJS.ErrnoException) => {
    // The pipe's reader is gone: nothing more can be written, and that is not an error of the run.
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') process.exit(code);
    throw err;
  });
  code = main(argv, {
    stdout: (s) => {
      if (!stdout.destroyed) stdout.write(s);
    },
    stderr: (s) => process.stderr.write(s),
  });
  // Writes complete in order: once this empty one is done, everything before it is out (pipes and files).
  stdout.write('', () => process.exit(code));
}

const isEntry = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntry) runProcess(process.argv.slice(2));
