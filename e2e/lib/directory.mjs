// The directory fixtures of the integration tests, for the journeys: `examples/slapd_fixture`
// (OpenLDAP) and `examples/samba_fixture` (a Samba AD DC), built by `make test-e2e`. Each prints
// its settings on one line and runs until its standard input closes.
import { spawn, execFileSync } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { root } from './stack.mjs';

export async function startFixture(name) {
  const target = process.env.CARGO_TARGET_DIR || path.join(root, 'target');
  const child = spawn(path.join(target, 'debug', 'examples', name), [], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: child.stdout });
  const first = await Promise.race([
    new Promise((resolve) => lines.once('line', resolve)),
    new Promise((_, reject) => child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)))),
  ]);
  const exited = new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
  return {
    ...JSON.parse(first),
    stop: async () => {
      child.stdin.end();
      await Promise.race([exited, new Promise((r) => setTimeout(() => { child.kill('SIGKILL'); r(); }, 20000).unref())]);
    },
  };
}

const ldapEnv = (fixture) => ({ ...process.env, LDAPTLS_CACERT: fixture.ca_file });

/** Whether `password` binds as `dn` in the directory itself: `ldapwhoami` where the server has
 * the Who am I? operation (slapd), a bind by `ldapsearch` where it has not (Samba). */
export function binds(fixture, dn, password, { whoami = true } = {}) {
  const starttls = fixture.url.startsWith('ldap://') ? ['-ZZ'] : [];
  const argv = whoami
    ? ['ldapwhoami', ['-x', ...starttls, '-H', fixture.url, '-D', dn, '-w', password]]
    : ['ldapsearch', ['-x', ...starttls, '-H', fixture.url, '-D', dn, '-w', password, '-b', '', '-s', 'base', '1.1']];
  try {
    execFileSync(argv[0], argv[1], { env: ldapEnv(fixture), stdio: 'ignore', timeout: 10000 });
    return true;
  } catch {
    return false;
  }
}

/** Adds entries as the fixture's service account. */
export function ldapAdd(fixture, ldif) {
  const starttls = fixture.url.startsWith('ldap://') ? ['-ZZ'] : [];
  execFileSync('ldapadd', ['-x', ...starttls, '-H', fixture.url, '-D', fixture.bind_dn, '-w', fixture.bind_password], {
    env: ldapEnv(fixture), input: ldif, stdio: ['pipe', 'ignore', 'inherit'], timeout: 20000,
  });
}

/** `"password"` in UTF-16LE, base64: Active Directory's `unicodePwd`. */
export function unicodePwd(password) {
  return Buffer.from(`"${password}"`, 'utf16le').toString('base64');
}
