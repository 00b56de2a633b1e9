import type { Documento, PerformanceAnno, Sistema } from '../../schemas/performance';
import type { FileResult } from './check-objective';
import type { FieldPath, Problem } from './problem';

/** Every document of a performance file with its path in the YAML. */
export function documentsOf(data: PerformanceAnno | Sistema): { path: FieldPath; documento: Documento }[] {
  if ('sistemi' in data)
    return data.sistemi.map((s, i) => ({ path: ['sistemi', i, 'documento'], documento: s.documento }));
  return [
    { path: ['piano', 'documento'], documento: data.piano.documento },
    { path: ['relazione', 'documento'], documento: data.relazione.documento },
    { path: ['relazione', 'validazione', 'documento'], documento: data.relazione.validazione.documento },
    ...(data.premi.documento ? [{ path: ['premi', 'documento'] as FieldPath, documento: data.premi.documento }] : []),
  ];
}

/**
 * Rules across the performance files: the year of a file is its name; every `file:` names a PDF of
 * performance/documenti/, each PDF once; a PDF nobody names is published but flagged. Adds findings
 * to the files and returns the lines about the PDFs themselves.
 */
export function performanceFindings(
  anni: { name: string; result: FileResult; data: PerformanceAnno | undefined }[],
  sistema: { result: FileResult; data: Sistema | undefined } | undefined,
  documenti: { name: string; path: string }[],
): Problem[] {
  const available = new Set(documenti.map((d) => d.name));
  const cited = new Map<string, string>();
  const files = [...anni, ...(sistema ? [sistema] : [])];
  for (const file of files) {
    if (!file.data) continue;
    if ('anno' in file.data && 'name' in file) {
      const expected = `performance/${file.data.anno}.yaml`;
      if (file.name !== expected)
        file.result.findings.push({
          rule: 'performance-anno',
          path: ['anno'],
          message: `l’anno ${file.data.anno} non coincide con il nome del file: rinomina il file in ${expected} o correggi l’anno`,
        });
    }
    for (const { path, documento } of documentsOf(file.data)) {
      if (documento.file === null) continue;
      if (!available.has(documento.file))
        file.result.findings.push({
          rule: 'performance-documento',
          path: [...path, 'file'],
          message: `il file ${documento.file} non c’è in content/performance/documenti/: copialo lì, correggi il nome, oppure scrivi file: null e il motivo in non_disponibile`,
        });
      else if (cited.has(documento.file))
        file.result.findings.push({
          rule: 'performance-documento',
          path: [...path, 'file'],
          message: `il file ${documento.file} è già il documento di ${cited.get(documento.file)}: ogni PDF è un solo documento`,
        });
      else cited.set(documento.file, `${file.result.path} (${path.join('.')})`);
    }
  }
  // Without readable data some citations are unknown: no warning about uncited PDFs then.
  if (files.some((f) => !f.data)) return [];
  return documenti
    .filter((d) => !cited.has(d.name))
    .map((d) => ({
      file: d.path,
      line: 1,
      col: 1,
      level: 'avviso' as const,
      field: '',
      rule: 'documento-non-citato' as const,
      message:
        'nessun documento di content/performance/ cita questo PDF: viene pubblicato ugualmente; scrivi il suo nome nel campo file del documento a cui appartiene',
    }));
}
