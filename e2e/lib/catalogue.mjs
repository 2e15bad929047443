// The web app's words in a language, as its Fluent catalogue says them, so that a journey in
// German or Arabic looks for the same text the app shows (one-line messages only).
import fs from 'node:fs';
import path from 'node:path';
import { root } from './stack.mjs';

export function message(language, id) {
  const dir = path.join(root, 'web-ui', 'src', 'i18n', 'ftl', language);
  for (const file of fs.readdirSync(dir)) {
    const line = fs.readFileSync(path.join(dir, file), 'utf8').split('\n').find((l) => l.startsWith(`${id} = `));
    if (line) return line.slice(id.length + 3);
  }
  throw new Error(`no one-line message ${id} in ${language}`);
}
