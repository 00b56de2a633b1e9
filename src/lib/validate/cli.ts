import { formatGithub, formatJson, formatText } from './format';
import { validateContent, type ValidateOptions, type ValidationReport } from './validate-content';

export interface CliResult {
  stdout: string;
  exitCode: 0 | 1 | 2;
  report: ValidationReport;
}

export interface CliEnv {
  PEG_CONTENT_DIR?: string;
  GITHUB_ACTIONS?: string;
}

/** Thrown for bad command-line use: a developer error, shown in English. */
export class UsageError extends Error {}

function parseArgs(argv: readonly string[], env: CliEnv) {
  let content = env.PEG_CONTENT_DIR ?? './content';
  let format: 'text' | 'json' = 'text';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (name === '--content') content = value();
    else if (name === '--format') {
      const v = value();
      if (v !== 'json' && v !== 'text') throw new UsageError(`--format must be text or json, not ${v}`);
      format = v;
    } else throw new UsageError(`unknown argument ${arg} (usage: validate [--content <dir>] [--format text|json])`);
  }
  return { content, format };
}

/**
 * `npm run validate`: exit 1 on errors, 0 with warnings only; 2 for usage or internal errors
 * (the caller prints those with a `validate:` prefix).
 */
export async function runValidate(
  argv: readonly string[],
  env: CliEnv,
  options: ValidateOptions = {},
): Promise<CliResult> {
  const { content, format } = parseArgs(argv, env);
  const report = await validateContent(content, options);
  const failed = report.problems.some((p) => p.level === 'errore');
  const lines = [format === 'json' ? formatJson(report) : formatText(report)];
  // Annotations go with the text output only: appended to JSON they would break the tools reading it.
  if (env.GITHUB_ACTIONS === 'true' && format === 'text') lines.push(...report.problems.map(formatGithub));
  return { stdout: lines.join('\n'), exitCode: failed ? 1 : 0, report };
}
