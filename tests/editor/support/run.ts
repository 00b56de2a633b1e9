import { spawnSync } from 'node:child_process';

export interface Run {
  status: number | null;
  stdout: string;
  /** stderr without npm's own configuration warnings, which depend on the machine. */
  stderr: string;
}

/** Runs `npm run <script> -- <args>` as an editor would, in the project folder. */
export function runScript(script: string, args: string[], env: Record<string, string> = {}): Run {
  const result = spawnSync('npm', ['run', '--silent', script, '--', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', GITHUB_ACTIONS: '', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr
      .split('\n')
      .filter((line) => !line.startsWith('npm warn'))
      .join('\n'),
  };
}
