import { spawnSync, type SpawnSyncReturns } from 'node:child_process';

export interface Run {
  status: number | null;
  stdout: string;
  /** stderr without npm's own configuration warnings, which depend on the machine. */
  stderr: string;
}

const ENV = { ASTRO_TELEMETRY_DISABLED: '1', GITHUB_ACTIONS: '' };

function captured(result: SpawnSyncReturns<string>): Run {
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr
      .split('\n')
      .filter((line) => !line.startsWith('npm warn'))
      .join('\n'),
  };
}

/** Runs `npm run <script> -- <args>` as an editor would, in the project folder. */
export function runScript(script: string, args: string[], env: Record<string, string> = {}): Run {
  return captured(
    spawnSync('npm', ['run', '--silent', script, '--', ...args], {
      encoding: 'utf8',
      env: { ...process.env, ...ENV, ...env },
      maxBuffer: 64 * 1024 * 1024,
    }),
  );
}

/** Runs a TypeScript entry point (scripts/*.ts) with tsx directly: what `npm run` runs, without npm's start-up. */
export function runTsx(file: string, args: string[], env: Record<string, string> = {}): Run {
  return captured(
    spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', file, ...args], {
      encoding: 'utf8',
      env: { ...process.env, ...ENV, ...env },
      maxBuffer: 64 * 1024 * 1024,
    }),
  );
}
