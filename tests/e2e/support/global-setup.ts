import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, serveSite } from './site';

/** One build of the shipped content serves every browser test file (builds are the slow part). */
export default async function setup(project: TestProject) {
  // Test workers inherit this, so the builds of every test file land below it and are removed at the end.
  const root = mkdtempSync(join(tmpdir(), 'peg-e2e-'));
  process.env.PEG_E2E_TMP = root;
  const outDir = buildSite('content');
  const site = await serveSite(outDir);
  project.provide('baseURL', site.baseURL);
  project.provide('outDir', outDir);
  return async () => {
    await site.close();
    rmSync(root, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    outDir: string;
  }
}
