/** Media type of each open-data file format (HTTP responses, DCAT distributions, schema.org). */
export const MEDIA_TYPES = {
  JSON: 'application/json',
  CSV: 'text/csv',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
