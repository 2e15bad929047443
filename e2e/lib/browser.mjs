// Debian's Chromium driven by playwright-core (no browser download). Screenshots go to
// e2e/artifacts/ (ignored by git); a failed journey keeps its trace there.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { root } from './stack.mjs';

export const artifacts = path.join(root, 'e2e', 'artifacts');

export async function launch() {
  fs.mkdirSync(artifacts, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** A fresh context with tracing on; `finish(ok)` keeps the trace only when the journey failed. */
export async function page(browser, name) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.tracing.start({ screenshots: true, snapshots: true });
  const p = await context.newPage();
  const shots = [];
  return {
    page: p,
    async shot(label) {
      const file = path.join(artifacts, `${name}-${String(shots.length + 1).padStart(2, '0')}-${label}.png`);
      await p.screenshot({ path: file, fullPage: true });
      shots.push(file);
    },
    async finish(ok) {
      await context.tracing.stop(ok ? {} : { path: path.join(artifacts, `${name}-trace.zip`) });
      await context.close();
    },
  };
}
