/** The content model: one schema per concept, imported by the validator, the collections and open data. */
export * from './common';
export * from './dup';
export * from './ente';
export * from './fase';
export * from './indicatore';
export * from './obiettivo';
export * from './soggetto';
export * from './performance';
