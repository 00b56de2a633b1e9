/**
 * UI strings for client scripts. The server renders them from src/i18n/it.json (with t()) into a
 * data-messages attribute, so the scripts do not ship the whole string table.
 */
export type Messages = Record<string, string>;

/** Fills the `{name}` placeholders left in a server-rendered template. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => String(params[name] ?? match));
}

/** The templates a component put in `data-messages` (JSON). */
export function readMessages(element: HTMLElement): Messages {
  return JSON.parse(element.dataset.messages ?? '{}') as Messages;
}
