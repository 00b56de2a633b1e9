import type { APIRoute } from 'astro';
import { getOpenData } from '../../indexes';
import { toJson } from '../../lib/opendata/records';
import { jsonResponse } from '../../lib/opendata/responses';

/** /opendata/obiettivi.json: every objective of every year. */
export const GET: APIRoute = async () => jsonResponse(toJson(await getOpenData()));
