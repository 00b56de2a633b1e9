import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateContent } from '../../src/lib/validate/validate-content';
import { launchBrowser } from './support/browser';

/**
 * `npm run editor` on a git-initialised copy of content/, driven in Chromium: one editor server for
 * every test of this file (starting it is the slow part).
 */

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const git = (cwd: string, ...args: string[]) =>
  spawnSync('git', ['-c', 'user.email=test@example.invalid', '-c', 'user.name=test', ...args], {
    cwd,
    encoding: 'utf8',
  });

let root = '';
let editor: ChildProcess;
let output = '';
let baseURL = '';
let browser: Browser;

/** Waits until `predicate` holds, polling (the editor writes and validates asynchronously). */
async function until<T>(what: string, read: () => T | Promise<T>, predicate: (value: T) => boolean): Promise<T> {
  let value: T | undefined;
  for (let i = 0; i < 600; i++) {
    value = await read();
    if (predicate(value)) return value;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`e2e: ${what} did not happen (last: ${String(value).slice(0, 200)}); editor output:\n${output}`);
}

beforeAll(async () => {
  root = mkdtempSync(join(process.env.PEG_E2E_TMP ?? tmpdir(), 'peg-editor-'));
  cpSync('content', join(root, 'content'), { recursive: true });
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', 'contenuti');
  const [port, decapPort] = [await freePort(), await freePort()];
  // Without the test runner's variables: Astro's dev server serves no pages when it sees VITEST.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VITEST|TEST$|NODE_ENV$)/.test(key)));
  editor = spawn('npm', ['run', 'editor', '--silent'], {
    env: {
      ...env,
      PEG_CONTENT_DIR: join(root, 'content'),
      PEG_EDITOR_PORT: String(port),
      PEG_DECAP_PORT: String(decapPort),
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  editor.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  editor.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  baseURL = `http://localhost:${port}`;
  await until(
    'the editor page',
    () =>
      fetch(`http://127.0.0.1:${port}/admin/`).then(
        (r) => r.status,
        (error: Error) => String((error.cause as Error | undefined)?.message ?? error.message),
      ),
    (status) => status === 200,
  );
  await until(
    'decap-server',
    () =>
      fetch(`http://127.0.0.1:${decapPort}/api/v1`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"action":"info"}',
      }).then(
        (r) => r.status,
        (error: Error) => String((error.cause as Error | undefined)?.message ?? error.message),
      ),
    (status) => status === 200,
  );
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (editor?.pid) process.kill(-editor.pid, 'SIGTERM');
  if (root) rmSync(root, { recursive: true, force: true });
});

async function openObjective(slug: string): Promise<Page> {
  const page = await browser.newPage({ locale: 'it-IT', viewport: { width: 1280, height: 1000 } });
  await page.goto(`${baseURL}/admin/`);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await page.goto(`${baseURL}/admin/#/collections/obiettivi-2020/entries/${slug}`);
  await page.getByText('INDICATORI (OPZIONALE)', { exact: false }).first().waitFor();
  return page;
}

async function publish(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Pubblica' }).first().click();
  await page.getByRole('menuitem', { name: 'Pubblica ora' }).click();
}

/** Expands one item of a list (its summary starts with the id) with the item's own toggle button. */
async function expand(page: Page, id: string): Promise<void> {
  await page
    .getByText(new RegExp(`^${id} – `))
    .locator('xpath=ancestor::div[.//button][1]')
    .locator('button')
    .first()
    .click();
}

describe('npm run editor', () => {
  it('changes I02’s valore raggiunto of 2020_A01_00 with a one-line diff that validates', async () => {
    const page = await openObjective('a01-00');
    await expand(page, 'I02');
    // Fields in file order: the second indicator's field is the second of its label.
    const field = page.getByLabel('Valore raggiunto (opzionale)').nth(1);
    await expect(field.inputValue()).resolves.toBe('80');
    await field.fill('95');
    await publish(page);
    // decap-server writes in place: wait for the whole new file, not a half-written one.
    await until(
      'the save',
      () => git(root, 'diff', '--numstat').stdout.trim(),
      (numstat) => numstat === '1\t1\tcontent/obiettivi/2020/a01-00.md',
    );
    const diff = git(root, 'diff', '--unified=0', '--', 'content').stdout;
    expect(diff.split('\n').filter((line) => /^[-+](?![-+])/.test(line))).toEqual([
      '-    valore_raggiunto: 80',
      '+    valore_raggiunto: 95',
    ]);
    const report = await validateContent(join(root, 'content'), {});
    expect(report.problems.filter((p) => p.level === 'errore')).toEqual([]);
    // The terminal shows the validator's run on the saved file.
    await until(
      'the validator in the terminal',
      () => output,
      (text) => text.includes('controllo dopo la modifica di content/obiettivi/2020/a01-00.md'),
    );
    await page.close();
    git(root, 'checkout', '--', 'content');
  });

  it('adds a fase and shows the validator’s pesi message in the terminal', async () => {
    const before = output.length;
    const page = await openObjective('a02-00');
    await page.getByRole('button', { name: 'Aggiungi fasi' }).click();
    // The new fase is the last item of the list, open: its fields are the last of each label.
    // Peso is only in fasi; the ids of the fasi come before those of the indicatori.
    const peso = page.getByLabel('Peso', { exact: true }).last();
    await peso.waitFor();
    const fasi = await page.getByLabel('Peso', { exact: true }).count();
    expect(fasi).toBe(5);
    await page
      .getByLabel('Id', { exact: true })
      .nth(fasi - 1)
      .fill('F05');
    await page.getByLabel('Titolo', { exact: true }).last().fill('Fase aggiunta dall’editor');
    await peso.fill('10');
    await publish(page);
    await until(
      'the pesi message',
      () => output.slice(before),
      (text) =>
        /a02-00\.md:\d+:\d+ {2}errore {2}fasi: la somma dei pesi delle fasi è 110, deve essere 100 {2}\[pesi-fasi\]/.test(
          text,
        ),
    );
    expect(git(root, 'diff', '--stat').stdout).toContain('content/obiettivi/2020/a02-00.md');
    await page.close();
    git(root, 'checkout', '--', 'content');
  });

  // Pages read content/ themselves (src/lib/content/collection.ts): the dev server must drop what it read.
  it('shows a saved change on the site’s page without a restart', async () => {
    const file = join(root, 'content/obiettivi/2020/a01-00.md');
    const pageText = () => fetch(`${baseURL}/obiettivi/2020/a01-00/`).then((r) => r.text());
    expect(await pageText()).not.toContain('Titolo cambiato durante la revisione');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(/^titolo: .*$/m, 'titolo: Titolo cambiato durante la revisione'),
    );
    await until('the new title on the page', pageText, (html) =>
      /<h1 class="objective-title"[^>]*>Titolo cambiato durante la revisione</.test(html),
    );
    git(root, 'checkout', '--', 'content');
    await until('the old title back', pageText, (html) => !html.includes('Titolo cambiato durante la revisione'));
  });
});
