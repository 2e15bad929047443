// Starts the real API (serving the built SPA) on a free port with a fresh database, pointed at
// the SMTP server and the gateway stub of this run.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSmtp } from './smtp.mjs';
import { startGateway, SID, TOKEN, FROM } from './gateway.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
export const ADMIN = 'admin';
export const ADMIN_PASSWORD = 'bootstrap admin passphrase 1';

function binary() {
  if (process.env.SSPR_BIN) return process.env.SSPR_BIN;
  const target = process.env.CARGO_TARGET_DIR || path.join(root, 'target');
  return path.join(target, 'debug', 'sspr');
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms).unref());

async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A fresh PostgreSQL database from SSPR_TEST_DATABASE_URL, or null for SQLite. */
function database(backend, dataDir) {
  if (backend !== 'postgres') return `sqlite://${path.join(dataDir, 'sspr.db')}`;
  const admin = process.env.SSPR_TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const name = `sspr_e2e_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  // A synchronous call blocks every timer of the run: each is bounded.
  const psql = (sql) => execFileSync('psql', [admin, '-q', '-c', sql], { timeout: 30000 });
  psql(`CREATE DATABASE ${name}`);
  return { url: admin.replace(/\/[^/?]+(\?|$)/, `/${name}$1`), drop: () => psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * Starts the service with its own SMTP server and gateway stub. `host` is the name people use
 * (`SSPR_PUBLIC_URL`, and `pageUrl` for the browser): `localhost` for passkeys, which need a
 * domain; the harness itself always talks to 127.0.0.1 (`url`).
 */
export async function startStack({ backend = 'sqlite', env = {}, host = '127.0.0.1' } = {}) {
  const smtp = await startSmtp();
  const gateway = await startGateway();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sspr-e2e-'));
  const db = database(backend, dataDir);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const pageUrl = `http://${host}:${port}`;
  const log = fs.openSync(path.join(dataDir, 'api.log'), 'w');
  const child = spawn(binary(), [], {
    cwd: root,
    env: {
      // The service refuses SSPR_* variables it does not know: the harness's own (and a
      // developer's shell settings) stay out of its environment.
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SSPR_'))),
      SSPR_BIND: `127.0.0.1:${port}`,
      SSPR_PUBLIC_URL: pageUrl,
      SSPR_DATA_DIR: dataDir,
      SSPR_DATABASE_URL: typeof db === 'string' ? db : db.url,
      SSPR_WEB_DIR: path.join(root, 'web-ui', 'dist'),
      SSPR_BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
      SSPR_ORGANIZATION_NAME: 'Example Corp',
      SSPR_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      SSPR_SMTP_FROM: 'Example Corp <no-reply@example.com>',
      SSPR_SMS_BASE_URL: gateway.url,
      SSPR_SMS_ACCOUNT_SID: SID,
      SSPR_SMS_AUTH_TOKEN: TOKEN,
      SSPR_SMS_FROM: FROM,
      SSPR_OUTBOX_POLL_MS: '100',
      SSPR_CAPTCHA_DIFFICULTY: '2000',
      // Its own listener is not needed here, and a fixed port would clash with a second stack.
      SSPR_METRICS_BIND: 'off',
      RUST_LOG: 'info',
      ...env,
    },
    stdio: ['ignore', log, log],
  });
  const deadline = Date.now() + 30000;
  for (;;) {
    try {
      const res = await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch { /* not up yet */ }
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the API did not start; see ${path.join(dataDir, 'api.log')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const exited = new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
  const logFile = path.join(dataDir, 'api.log');
  /** The end of the service's log, for a failed journey's report. */
  const logTail = (lines = 80) => fs.readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
  async function stop() {
    child.kill('SIGTERM');
    // A service that does not stop within its shutdown grace is a finding, not a reason to hang.
    const stopped = await Promise.race([exited.then(() => true), sleep(40000).then(() => false)]);
    if (!stopped) {
      console.error(`the API did not stop within 40 s of SIGTERM; killed. Its log ends:\n${logTail()}`);
      child.kill('SIGKILL');
      await exited;
    }
    await smtp.close();
    await gateway.close();
    if (typeof db !== 'string') db.drop();
  }
  return { url, pageUrl, smtp, gateway, dataDir, stop, logTail };
}

/** No set-up request takes this long unless the service is stuck. */
const REQUEST_TIMEOUT = 20000;

/** A signed-in API client for set-up steps that are not the subject of a journey. */
export async function apiAs(url, username, password) {
  const res = await fetch(`${url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT),
  });
  if (!res.ok) throw new Error(`sign-in of ${username} failed: ${res.status}`);
  const { access_token: token } = await res.json();
  return async (method, p, body) => {
    const r = await fetch(`${url}${p}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT),
    });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : null, headers: r.headers };
  };
}
