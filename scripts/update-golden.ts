import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { OWN_GOLDEN_DIR, casesIn, runGoldenCase, variantsOf } from '../test/helpers/golden.js';

const only = process.argv.slice(2);
for (const name of casesIn(OWN_GOLDEN_DIR)) {
  if (only.length && !only.includes(name)) continue;
  const dir = join(OWN_GOLDEN_DIR, name);
  for (const variant of variantsOf(dir)) {
    const { doc, failures } = runGoldenCase(dir, variant);
    writeFileSync(join(dir, `${variant.name}_golden.yaml`), yaml.dump(doc, { sortKeys: true, lineWidth: -1 }));
    writeFileSync(join(dir, `${variant.name}_failures.yaml`), yaml.dump(failures, { lineWidth: -1 }));
    console.log(`wrote ${name} [${variant.name}]`);
  }
}
