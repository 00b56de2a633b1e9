import type { Ente } from '../../../schemas/ente';
import { OPENDATA_CATALOGUE_URL } from '../../routes';
import { MEDIA_TYPES } from './media-types';

/**
 * DCAT-AP_IT catalogue (JSON-LD) of the open-data files, with the fields the Italian profile makes
 * mandatory for datasets and distributions. Controlled vocabularies are the EU Publications Office ones
 * that DCAT-AP_IT requires (data-theme, frequency, file-type).
 */

export interface DatasetSpec {
  /** Local part of the identifier, e.g. `obiettivi-peg-2020`. */
  id: string;
  title: string;
  description: string;
  /** ISO date of the last change to the data. */
  modified: string;
  /** ISO date from which the data is dated (the earliest update of its objectives). */
  issued: string;
  /** Years the data covers (temporal coverage), first and last. */
  anni: { dal: number; al: number } | null;
  keywords: string[];
  distributions: { path: string; format: keyof typeof MEDIA_TYPES; title: string; description: string }[];
}

const EU = 'http://publications.europa.eu/resource/authority';
const LICENSE = {
  '@id': 'https://creativecommons.org/licenses/by/4.0/',
  '@type': ['dcatapit:LicenseDocument', 'dct:LicenseDocument'],
  'dct:type': { '@id': 'http://purl.org/adms/licencetype/Attribution' },
  'foaf:name': 'Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0)',
  'owl:versionInfo': '4.0',
};
// IANA media types as IRIs: DCAT-AP's range of dcat:mediaType is dct:MediaType, not a string.
const IANA = 'http://www.iana.org/assignments/media-types';

const date = (iso: string) => ({ '@value': iso, '@type': 'xsd:date' });

/** The publisher and rights holder: the comune, identified by its IPA code as DCAT-AP_IT asks. */
function agent(ente: Ente) {
  return {
    '@id': ente.url,
    '@type': ['dcatapit:Agent', 'foaf:Agent'],
    'dct:identifier': ente.codice_ipa,
    'foaf:name': ente.nome,
  };
}

/** Identifier `<codice IPA>:<id>` (DCAT-AP_IT): unique across administrations because the IPA code is. */
export function datasetIdentifier(ente: Ente, id: string): string {
  return `${ente.codice_ipa}:${id}`;
}

/**
 * Contact point from ente.yaml contatti: vcard:fn always, email (else PEC) when written there; without
 * either, the institutional site as vcard:hasURL, never an invented address.
 */
function contactPoint(ente: Ente) {
  const email = ente.contatti.email ?? ente.contatti.pec;
  return {
    '@id': `${new URL('/opendata/', ente.sito_url).href}#contatti`,
    '@type': ['dcatapit:Organization', 'vcard:Organization', 'vcard:Kind'],
    'vcard:fn': ente.nome,
    ...(email ? { 'vcard:hasEmail': { '@id': `mailto:${email}` } } : {}),
    ...(ente.contatti.telefono
      ? { 'vcard:hasTelephone': { '@id': `tel:${ente.contatti.telefono.replace(/\s/g, '')}` } }
      : {}),
    'vcard:hasURL': { '@id': ente.url },
  };
}

export function dcatCatalog(ente: Ente, datasets: readonly DatasetSpec[]) {
  const site = ente.sito_url;
  const abs = (path: string) => new URL(path, site).href;
  const modified = datasets
    .map((d) => d.modified)
    .sort()
    .at(-1);
  const issued = datasets
    .map((d) => d.issued)
    .sort()
    .at(0);
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      dcatapit: 'http://dati.gov.it/onto/dcatapit#',
      foaf: 'http://xmlns.com/foaf/0.1/',
      owl: 'http://www.w3.org/2002/07/owl#',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
      vcard: 'http://www.w3.org/2006/vcard/ns#',
    },
    '@id': abs(OPENDATA_CATALOGUE_URL),
    '@type': ['dcatapit:Catalog', 'dcat:Catalog'],
    'dct:title': `Dati aperti degli obiettivi di PEG – ${ente.nome}`,
    'dct:description': `Catalogo dei dati aperti degli obiettivi del Piano esecutivo di gestione del ${ente.nome}.`,
    'dct:publisher': agent(ente),
    'dct:language': { '@id': `${EU}/language/ITA` },
    'foaf:homepage': { '@id': abs('/opendata/') },
    ...(modified ? { 'dct:modified': date(modified) } : {}),
    ...(issued ? { 'dct:issued': date(issued) } : {}),
    'dcat:themeTaxonomy': { '@id': `${EU}/data-theme` },
    'dcat:dataset': datasets.map((dataset) => ({
      '@id': abs(`/opendata/#${dataset.id}`),
      '@type': ['dcatapit:Dataset', 'dcat:Dataset'],
      'dct:identifier': datasetIdentifier(ente, dataset.id),
      'dct:title': dataset.title,
      'dct:description': dataset.description,
      'dct:modified': date(dataset.modified),
      'dct:issued': date(dataset.issued),
      'dcat:theme': { '@id': `${EU}/data-theme/GOVE` },
      'dcat:keyword': dataset.keywords,
      'dcat:contactPoint': contactPoint(ente),
      ...(dataset.anni
        ? {
            'dct:temporal': {
              '@type': 'dct:PeriodOfTime',
              'dcat:startDate': date(`${dataset.anni.dal}-01-01`),
              'dcat:endDate': date(`${dataset.anni.al}-12-31`),
            },
          }
        : {}),
      'dct:rightsHolder': agent(ente),
      'dct:publisher': agent(ente),
      'dct:accrualPeriodicity': { '@id': `${EU}/frequency/ANNUAL` },
      'dct:language': { '@id': `${EU}/language/ITA` },
      'dcat:landingPage': { '@id': abs('/opendata/') },
      'dcat:distribution': dataset.distributions.map((d) => ({
        '@id': abs(d.path),
        '@type': ['dcatapit:Distribution', 'dcat:Distribution'],
        'dct:title': d.title,
        'dct:description': d.description,
        'dct:format': { '@id': `${EU}/file-type/${d.format}` },
        'dcat:mediaType': { '@id': `${IANA}/${MEDIA_TYPES[d.format]}` },
        'dct:license': LICENSE,
        'dcat:accessURL': { '@id': abs('/opendata/') },
        'dcat:downloadURL': { '@id': abs(d.path) },
      })),
    })),
  };
}
