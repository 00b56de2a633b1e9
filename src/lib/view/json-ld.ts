import type { Ente } from '../../schemas/ente';

/**
 * JSON for a `<script type="application/ld+json">` block: `<` is escaped so content can never close
 * the element (`</script>`) or open a comment, whatever the objective titles contain.
 */
export function jsonLdText(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** schema.org GovernmentOrganization of the comune. */
export function organizationJsonLd(ente: Ente) {
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentOrganization',
    name: ente.nome,
    url: ente.url,
    ...(ente.contatti.indirizzo ? { address: ente.contatti.indirizzo } : {}),
    ...(ente.contatti.email ? { email: ente.contatti.email } : {}),
    ...(ente.contatti.telefono ? { telephone: ente.contatti.telefono } : {}),
  };
}
