#!/usr/bin/env node
// Runs every test/**/*.test.ts with node:test through tsx. Node 20 neither expands globs nor finds .ts
// files in a directory, so the files are listed here; a run that executed no test fails.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

function find(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...find(p));
    else if (e.name.endsWith('.test.ts')) out.push(p);
  }
  return out.sort();
}

const only = process.argv.slice(2);
const files = only.length ? only : find('test');
if (files.length === 0) {
  console.error('run-tests: no test files found under test/');
  process.exit(1);
}
const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=tap', ...files], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
let tail = '';
child.stdout.on('data', (d) => {
  process.stdout.write(d);
  tail = (tail + d.toString()).slice(-4000);
});
child.on('close', (code) => {
  const tests = /^# tests (\d+)$/m.exec(tail);
  const pass = /^# pass (\d+)$/m.exec(tail);
  const fail = /^# fail (\d+)$/m.exec(tail);
  const skipped = /^# skipped (\d+)$/m.exec(tail);
  if (!tests || Number(tests[1]) === 0) {
    console.error('run-tests: no test ran');
    process.exit(1);
  }
  console.log(`${pass?.[1] ?? 0} passed, ${fail?.[1] ?? 0} failed${skipped ? `, ${skipped[1]} skipped` : ''}`);
  process.exit(code ?? 1);
});
