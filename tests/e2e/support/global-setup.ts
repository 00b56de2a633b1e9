import type { TestProject } from 'vitest/node';
import { buildSite, serveSite } from './site';

/** One build of the shipped content serves every browser test file (builds are the slow part). */
export default async function setup(project: TestProject) {
  const outDir = buildSite('content');
  const site = await serveSite(outDir);
  project.provide('baseURL', site.baseURL);
  project.provide('outDir', outDir);
  return () => site.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    outDir: string;
  }
}
