import { readFileSync } from 'node:fs';
import rdf from '@zazuko/env';
import { JsonLdParser } from 'jsonld-streaming-parser';
import { Parser as TurtleParser } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/load';
import { dcatCatalog } from '../../src/lib/outputs/opendata/dcat';
import { datasetSpecs } from '../../src/lib/outputs/opendata/datasets';

/** Shapes written by hand from DCAT-AP 2 / DCAT-AP_IT (their header says which and why). */
const SHAPES = 'tests/fixtures/shacl/dcat-ap-it-subset.ttl';

function shapes() {
  const dataset = rdf.dataset();
  for (const quad of new TurtleParser().parse(readFileSync(SHAPES, 'utf8'))) dataset.add(quad);
  return dataset;
}

/** JSON-LD → RDF without network: the catalogue's context is inline. */
async function toRdf(document: object) {
  const dataset = rdf.dataset();
  const parser = new JsonLdParser({ dataFactory: rdf });
  await new Promise<void>((done, fail) => {
    parser.on('data', (quad) => dataset.add(quad));
    parser.on('error', fail);
    parser.on('end', done);
    parser.write(JSON.stringify(document));
    parser.end();
  });
  return dataset;
}

async function validate(document: object) {
  const validator = new SHACLValidator(shapes(), { factory: rdf });
  const report = await validator.validate(await toRdf(document));
  return {
    conforms: report.conforms,
    messages: report.results.map((r) => `${r.path?.value ?? ''} ${r.focusNode?.value ?? ''}`),
  };
}

function catalogue(contentDir = 'tests/fixtures/content/multi-year') {
  const content = loadContent(contentDir);
  const items = content.obiettivi.map((o) => ({ anno: o.data.anno, modified: `${o.data.anno}-06-30` }));
  const anni = [...new Set(items.map((i) => i.anno))].sort((a, b) => b - a);
  return { ente: content.ente, catalog: dcatCatalog(content.ente, datasetSpecs(content.ente, items, anni)) };
}

describe('DCAT-AP_IT catalogue against the SHACL shapes', () => {
  it('conforms: IPA identifiers, IANA media types, contact point, temporal coverage', async () => {
    const { catalog } = catalogue();
    expect(await validate(catalog)).toEqual({ conforms: true, messages: [] });
    const [first] = catalog['dcat:dataset'];
    expect(first!['dct:identifier']).toBe('c_esempio:obiettivi-peg');
    expect(first!['dct:publisher']['dct:identifier']).toBe('c_esempio');
    expect(first!['dcat:distribution'][1]!['dcat:mediaType']).toEqual({
      '@id': 'http://www.iana.org/assignments/media-types/text/csv',
    });
  });

  it('conforms for the shipped content too', async () => {
    expect((await validate(catalogue('content').catalog)).conforms).toBe(true);
  });

  it('fails where the catalogue used to: a URL as the agent identifier, a media type as a string', async () => {
    const { catalog } = catalogue();
    const broken = structuredClone(catalog) as typeof catalog;
    const dataset = broken['dcat:dataset'][0]!;
    dataset['dct:rightsHolder'] = { ...dataset['dct:rightsHolder'], 'dct:identifier': 'https://www.comune.esempio.it' };
    (dataset['dcat:distribution'][0] as Record<string, unknown>)['dcat:mediaType'] = 'application/json';
    const result = await validate(broken);
    expect(result.conforms).toBe(false);
    expect(result.messages.join('\n')).toContain('http://purl.org/dc/terms/rightsHolder');
    expect(result.messages.join('\n')).toContain('http://www.w3.org/ns/dcat#mediaType');
  });
});
