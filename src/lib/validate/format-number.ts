const formatter = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 2, useGrouping: false });

/** Numbers in editor messages, Italian style: 99,5 (no thousands separator, like the YAML they type). */
export function formatNumber(value: number): string {
  return formatter.format(value);
}
