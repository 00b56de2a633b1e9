import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** WCAG 2.1 A and AA rules: the bar of docs/contract.md §5. No rule is disabled. */
export async function axeViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Codes of the visible rows of the year table, in display order. */
export async function visibleCodes(page: Page): Promise<string[]> {
  return page.locator('[data-peg-table] tbody tr:not([hidden]) td:first-child').allTextContents();
}
