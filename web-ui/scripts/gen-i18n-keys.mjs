// Writes src/i18n/keys.ts: the keys of the English catalogue as a TypeScript union, so that a
// misspelt or missing key fails the type check. Run after changing ftl/en (`npm run gen:i18n`);
// a test fails when the file is out of date.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'i18n');

export function keysSource() {
  const dir = path.join(root, 'ftl', 'en');
  const keys = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ftl'))
    .sort()
    .flatMap((f) => [...fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/^([a-zA-Z][\w-]*) =/gm)].map((m) => m[1].replace(/-/g, '.')))
    .sort();
  return `// Generated from ftl/en by scripts/gen-i18n-keys.mjs (npm run gen:i18n): do not edit.\nexport type MessageKey =\n${keys.map((k) => `  | '${k}'`).join('\n')};\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(path.join(root, 'keys.ts'), keysSource());
}
