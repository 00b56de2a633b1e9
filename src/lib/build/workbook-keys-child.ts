import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { xlsxKeys } from './reconcile-keys';

// Fills the reconciliation's cache with the keys of every obiettivi.xlsx of the site (./workbook-keys.ts).
const [siteDir] = process.argv.slice(2) as [string];
const opendata = join(siteDir, 'opendata');
for (const file of readdirSync(opendata, { recursive: true, encoding: 'utf8' }).sort())
  if (file === 'obiettivi.xlsx' || file.endsWith('/obiettivi.xlsx')) await xlsxKeys(join(opendata, file));
