import type { Problem } from './problem';
import type { ValidationReport } from './validate-content';

const plural = (n: number, one: string, other: string) => `${n} ${n === 1 ? one : other}`;

/** `content/obiettivi/2020/a01-00.md:14:12  errore  fasi.2.peso: …  [pesi-fasi]` */
export function formatProblem(problem: Problem): string {
  const field = problem.field ? `${problem.field}: ` : '';
  return `${problem.file}:${problem.line}:${problem.col}  ${problem.level}  ${field}${problem.message}  [${problem.rule}]`;
}

/** The schema file an editor should read for the files that have errors. */
function schemaHint(problems: Problem[]): string {
  const schemas = new Set(
    problems.map((p) =>
      p.file.endsWith('ente.yaml')
        ? 'src/schemas/ente.ts'
        : p.file.endsWith('dup.yaml')
          ? 'src/schemas/dup.ts'
          : /(^|\/)performance\//.test(p.file)
            ? 'src/schemas/performance.ts'
            : 'src/schemas/obiettivo.ts',
    ),
  );
  return [...schemas].sort().join(', ');
}

/** Last line of the text output: what went wrong in how many files, or that all is well. */
export function formatSummary(report: ValidationReport): string {
  const errors = report.problems.filter((p) => p.level === 'errore');
  const warnings = report.problems.length - errors.length;
  const checked = `${plural(report.files, 'file controllato', 'file controllati')} (${plural(report.obiettivi, 'obiettivo', 'obiettivi')})`;
  if (errors.length > 0) {
    const files = new Set(report.problems.map((p) => p.file)).size;
    const counts = [
      plural(errors.length, 'errore', 'errori'),
      ...(warnings ? [plural(warnings, 'avviso', 'avvisi')] : []),
    ].join(' e ');
    return `✖ ${counts} in ${files} file. Correggi i file indicati (schema: ${schemaHint(errors)})`;
  }
  if (warnings > 0) {
    const files = new Set(report.problems.map((p) => p.file)).size;
    return `⚠ ${plural(warnings, 'avviso', 'avvisi')} in ${files} file, nessun errore: ${checked}.`;
  }
  return `✔ Nessun errore: ${checked}.`;
}

/** Text output for people: one line per problem, then the summary. */
export function formatText(report: ValidationReport): string {
  return [...report.problems.map(formatProblem), formatSummary(report)].join('\n');
}

// GitHub workflow commands: data escapes % CR LF; property values also escape : and ,
const escapeData = (s: string) => s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (s: string) => escapeData(s).replaceAll(':', '%3A').replaceAll(',', '%2C');

/** `::error file=…,line=…,col=…,title=…::message` for GitHub Actions to show on the pull request. */
export function formatGithub(problem: Problem): string {
  const command = problem.level === 'errore' ? 'error' : 'warning';
  const props = [
    `file=${problem.file}`,
    `line=${problem.line}`,
    `col=${problem.col}`,
    `title=PEG Aperto [${problem.rule}]`,
  ]
    .map((prop) => {
      const eq = prop.indexOf('=');
      return `${prop.slice(0, eq)}=${escapeProperty(prop.slice(eq + 1))}`;
    })
    .join(',');
  const field = problem.field ? `${problem.field}: ` : '';
  return `::${command} ${props}::${escapeData(field + problem.message)}`;
}

/** Machine-readable output (`--format json`); keys are English like other linters' JSON. */
export function formatJson(report: ValidationReport): string {
  const errors = report.problems.filter((p) => p.level === 'errore').length;
  return JSON.stringify(
    {
      ok: errors === 0,
      errors,
      warnings: report.problems.length - errors,
      files: report.files,
      objectives: report.obiettivi,
      problems: report.problems.map((p) => ({
        file: p.file,
        line: p.line,
        column: p.col,
        severity: p.level === 'errore' ? 'error' : 'warning',
        field: p.field,
        message: p.message,
        rule: p.rule,
      })),
    },
    null,
    2,
  );
}
