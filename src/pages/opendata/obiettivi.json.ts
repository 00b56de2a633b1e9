import type { APIRoute } from 'astro';
import { getOpenData } from '../../lib/derived/site';
import { toJson } from '../../lib/outputs/opendata/records';
import { jsonResponse } from '../../lib/outputs/opendata/responses';

/** /opendata/obiettivi.json: every objective of every year. */
export const GET: APIRoute = async () => jsonResponse(toJson(await getOpenData()));
