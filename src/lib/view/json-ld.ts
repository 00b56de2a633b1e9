/**
 * JSON for a `<script type="application/ld+json">` block: `<` is escaped so content can never close
 * the element (`</script>`) or open a comment, whatever the objective titles contain.
 */
export function jsonLdText(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
