import CMS from 'decap-cms-app';
import { it } from 'decap-cms-locales';
import { obiettivoFormat, yamlFormat, type FieldSpec } from './decap-format';

/**
 * The form editor at /admin/ (bundled by src/pages/admin/cms.js.ts, never loaded by public pages).
 * The configuration is generated from the schemas at build time (src/lib/editor/decap-config.ts).
 */
declare const __PEG_DECAP_CONFIG__: {
  collections: {
    name: string;
    format?: string;
    fields?: FieldSpec[];
    files?: { name: string; fields: FieldSpec[] }[];
  }[];
};

const config = __PEG_DECAP_CONFIG__;
const obiettivi = config.collections.find((c) => c.format === 'peg-obiettivo');

CMS.registerLocale('it', it);
CMS.registerCustomFormat('peg-obiettivo', 'md', obiettivoFormat(obiettivi?.fields ?? []));
CMS.registerCustomFormat('peg-yaml', 'yaml', yamlFormat());
CMS.init({ config: { ...config, load_config_file: false } as never });
