import type { APIRoute } from 'astro';
import { readFileSync } from 'node:fs';
import { getContent } from '../../../lib/content/collection';

/** The comune's own PDFs of content/performance/documenti/, published as they are. */
export async function getStaticPaths() {
  const { performance } = await getContent();
  return performance.documenti.map(({ name, path }) => ({ params: { file: name }, props: { path } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(readFileSync((props as { path: string }).path), { headers: { 'Content-Type': 'application/pdf' } });
