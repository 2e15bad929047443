// Fails when src/api/schema.d.ts no longer matches ../openapi/openapi.json, so the typed client
// always describes the API in the tree. Fix with `npm run gen:api`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'sspr-schema-'));
const fresh = join(dir, 'schema.d.ts');
try {
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules', 'openapi-typescript', 'bin', 'cli.js'),
      join(root, '..', 'openapi', 'openapi.json'),
      '-o',
      fresh,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  let committed = '';
  try {
    committed = readFileSync(join(root, 'src', 'api', 'schema.d.ts'), 'utf8');
  } catch {
    // missing counts as out of date
  }
  if (readFileSync(fresh, 'utf8') !== committed) {
    console.error('src/api/schema.d.ts does not match ../openapi/openapi.json: run `npm run gen:api`.');
    process.exit(1);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
