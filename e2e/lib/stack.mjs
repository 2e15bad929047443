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
  execFileSync('psql', [admin, '-q', '-c', `CREATE DATABASE ${name}`]);
  return { url: admin.replace(/\/[^/?]+(\?|$)/, `/${name}$1`), drop: () => execFileSync('psql', [admin, '-q', '-c', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]) };
}

export async function startStack({ backend = 'sqlite', env = {} } = {}) {
  const smtp = await startSmtp();
  const gateway = await startGateway();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sspr-e2e-'));
  const db = database(backend, dataDir);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = fs.openSync(path.join(dataDir, 'api.log'), 'w');
  const child = spawn(binary(), [], {
    cwd: root,
    env: {
      // The service refuses SSPR_* variables it does not know: the harness's own (and a
      // developer's shell settings) stay out of its environment.
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SSPR_'))),
      SSPR_BIND: `127.0.0.1:${port}`,
      SSPR_PUBLIC_URL: url,
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
      RUST_LOG: 'warn',
      ...env,
    },
    stdio: ['ignore', log, log],
  });
  const deadline = Date.now() + 30000;
  for (;;) {
    try {
      const res = await fetch(`${url}/api/v1/health`);
      if (res.ok) break;
    } catch { /* not up yet */ }
    if (child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`the API did not start; see ${path.join(dataDir, 'api.log')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  async function stop() {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
    await smtp.close();
    await gateway.close();
    if (typeof db !== 'string') db.drop();
  }
  return { url, smtp, gateway, dataDir, stop };
}

/** A signed-in API client for set-up steps that are not the subject of a journey. */
export async function apiAs(url, username, password) {
  const res = await fetch(`${url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`sign-in of ${username} failed: ${res.status}`);
  const { access_token: token } = await res.json();
  return async (method, p, body) => {
    const r = await fetch(`${url}${p}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : null, headers: r.headers };
  };
}
