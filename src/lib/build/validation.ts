import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type ValidationReply = { stdout: string; exitCode: 0 | 1 | 2 } | { error: string };

/**
 * The build's validation of `contentDir`, run in a child process: what `npm run validate` prints and its
 * exit code. When nothing is wrong, the validator's parse of every objective is left in `dataFile`
 * (content/validated.ts) for the build's later reads of content/.
 *
 * A process of its own because of memory: at 10,000 objectives validating leaves the process that ran it
 * ≈0.7 GB larger for good (V8 frees its heap, the allocator keeps the pages), and the build's own process
 * lives on beside `astro build` and Chromium. A child gives all of it back when it exits.
 */
export function validateInChild(
  contentDir: string,
  dataFile: string,
): Promise<{ stdout: string; exitCode: 0 | 1 | 2 }> {
  // Under tsx or vitest this module is .ts and the child needs tsx's loader; compiled, plain Node runs it.
  const typescript = import.meta.url.endsWith('.ts');
  const entry = fileURLToPath(new URL(`./validation-child.${typescript ? 'ts' : 'js'}`, import.meta.url));
  return new Promise((done, fail) => {
    const child = fork(entry, [contentDir, dataFile], {
      execArgv: typescript ? ['--import', import.meta.resolve('tsx')] : [],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let reply: ValidationReply | undefined;
    child.once('message', (message) => (reply = message as ValidationReply));
    child.once('error', fail);
    // 'close', not 'exit': it comes after the IPC channel has delivered the reply.
    child.once('close', (code, signal) => {
      if (reply && 'error' in reply) fail(new Error(reply.error));
      else if (reply && code === 0) done(reply);
      else fail(new Error(`la convalida dei contenuti si è interrotta (${signal ?? `uscita ${code}`})`));
    });
  });
}
