#!/usr/bin/env node
// Regenerates the project's own golden files (test/golden/<case>/<variant>_golden.yaml and _failures.yaml)
// from the current translator. Read the diff before committing it.
import { spawnSync } from 'node:child_process';
const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/update-golden.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
