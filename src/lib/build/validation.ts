import { forkModule } from './workers';

/** What `npm run validate` prints, its exit code, and how many objective files it read. */
export interface Validation {
  stdout: string;
  exitCode: 0 | 1 | 2;
  obiettivi: number;
}
export type ValidationReply = Validation | { error: string };
/** The share images, and whether the editor's script could be bundled before Astro (validation-child.ts). */
export type ImagesReply = ({ images: number; workers: number } | { imagesError: string }) & { editorError?: string };

export interface ValidationStep {
  /** What `npm run validate` prints and its exit code; rejects when the validator itself failed. */
  validation: Promise<Validation>;
  /**
   * Resolves when the process has exited: after the share images, when the content is valid. Never rejects:
   * an image that could not be rendered here is rendered by Astro, whose error fails the build.
   */
  images: Promise<ImagesReply | undefined>;
}

/**
 * The build's first step, in a child process: the validation of `contentDir`, then, when nothing is wrong,
 * the validator's parse of every objective left in `dataFile` (content/validated.ts) for the build's later
 * reads of content/, and the share images the cache lacks rendered into it (share-image/images.ts), so
 * `astro build` finds them there.
 *
 * A process of its own because of memory. At 10,000 objectives validating leaves the process that ran it
 * ≈0.7 GB larger for good (V8 frees its heap, the allocator keeps the pages), and the build's own process
 * lives on beside `astro build` and Chromium; a child gives it all back when it exits. Rendering the images
 * here rather than beside Astro's pages keeps their worker threads (≈0.3 GB each) out of Astro's process,
 * which holds the whole site while it renders.
 */
export function startValidation(
  contentDir: string,
  dataFile: string,
  env: NodeJS.ProcessEnv = process.env,
): ValidationStep {
  const child = forkModule(import.meta.url, 'validation-child', [contentDir, dataFile], {
    env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let validation: ValidationReply | undefined;
  let images: ImagesReply | undefined;
  child.on('message', (message: ValidationReply | ImagesReply) => {
    if ('stdout' in message || 'error' in message) validation = message;
    else images = message;
  });
  // 'close', not 'exit': it comes after the IPC channel has delivered every message.
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null } | Error>((done) => {
    child.once('error', done);
    child.once('close', (code, signal) => done({ code, signal }));
  });
  const interrupted = (end: { code: number | null; signal: NodeJS.Signals | null } | Error) =>
    end instanceof Error ? end.message : (end.signal ?? `uscita ${end.code}`);
  return {
    validation: new Promise((done, fail) => {
      const settle = () => {
        if (validation && 'error' in validation) fail(new Error(validation.error));
        else if (validation) done(validation);
      };
      child.on('message', settle);
      void closed.then((end) => {
        settle();
        fail(new Error(`la convalida dei contenuti si è interrotta (${interrupted(end)})`));
      });
    }),
    images: closed.then(
      (end) =>
        images ??
        (validation && 'exitCode' in validation && validation.exitCode === 0
          ? { imagesError: interrupted(end) }
          : undefined),
    ),
  };
}
