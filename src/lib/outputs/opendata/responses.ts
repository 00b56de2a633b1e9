import { MEDIA_TYPES } from './media-types';

/** Static-endpoint responses with the right media types (the static host uses the file extension). */
export function jsonResponse(body: string): Response {
  return new Response(body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}

export function csvResponse(body: string): Response {
  return new Response(body, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}

export function xlsxResponse(body: Buffer): Response {
  return new Response(new Uint8Array(body), {
    headers: { 'Content-Type': MEDIA_TYPES.XLSX },
  });
}
