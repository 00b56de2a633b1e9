/**
 * Atom 1.0 feed (RFC 4287) of updated objectives. Dates are whole days (from git), written as UTC
 * midnight; no clock is read, so the same commit builds the same feed.
 */

export interface FeedEntry {
  title: string;
  /** Absolute URL of the page. */
  url: string;
  /** ISO date YYYY-MM-DD. */
  updated: string;
  summary: string;
}

export interface Feed {
  title: string;
  /** Absolute URL of the feed itself. */
  self: string;
  /** Absolute URL of the site. */
  home: string;
  author: string;
  entries: FeedEntry[];
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

const stamp = (date: string) => `${date}T00:00:00Z`;

/** Newest first; same-day entries by URL so the order never depends on file order. */
export function sortEntries(entries: readonly FeedEntry[]): FeedEntry[] {
  return [...entries].sort((a, b) => b.updated.localeCompare(a.updated) || a.url.localeCompare(b.url));
}

export function atomFeed(feed: Feed): string {
  const entries = sortEntries(feed.entries);
  const updated = entries[0]?.updated ?? '1970-01-01';
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="it">',
    `  <title>${escapeXml(feed.title)}</title>`,
    `  <id>${escapeXml(feed.self)}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.home)}"/>`,
    `  <updated>${stamp(updated)}</updated>`,
    `  <author><name>${escapeXml(feed.author)}</name></author>`,
    ...entries.flatMap((entry) => [
      '  <entry>',
      `    <title>${escapeXml(entry.title)}</title>`,
      `    <id>${escapeXml(entry.url)}</id>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>`,
      `    <updated>${stamp(entry.updated)}</updated>`,
      `    <summary>${escapeXml(entry.summary)}</summary>`,
      '  </entry>',
    ]),
    '</feed>',
    '',
  ];
  return lines.join('\n');
}
