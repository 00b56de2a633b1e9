import { afterAll } from 'vitest';
import { removeTempDirs } from './temp';

// Runs in every test file (setupFiles in vitest.config.ts and vitest.e2e.config.ts): no temp folder outlives its file.
afterAll(removeTempDirs);
