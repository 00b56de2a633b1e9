import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockFile, lockOutput, lockOutputWaiting } from '../../src/lib/build/publish';
import { runBuild } from '../../src/lib/build/run';
import { tempDir } from '../support/temp';

const outDir = () => join(tempDir('peg-lock-'), 'dist');

describe('lockOutput', () => {
  it('lets one build at a time write an output folder, and the next after release', () => {
    const out = outDir();
    const first = lockOutput(out);
    expect(readFileSync(lockFile(out), 'utf8')).toBe(`${process.pid} ${hostname()}`);
    expect(lockOutput(out)).toEqual({
      busy: `un'altra costruzione (processo ${process.pid}) sta scrivendo in ${out}: attendi che finisca; se non è in corso, elimina ${lockFile(out)}`,
    });
    if (!('release' in first)) throw new Error('the first build must get the lock');
    first.release();
    expect(existsSync(lockFile(out))).toBe(false);
    const again = lockOutput(out);
    expect('release' in again).toBe(true);
    if ('release' in again) again.release();
  });

  it('takes over the lock of a build that was killed', () => {
    const out = outDir();
    const gone = spawnSync(process.execPath, ['-e', '']).pid; // a process that has exited
    writeFileSync(lockFile(out), `${gone} ${hostname()}`);
    const lock = lockOutput(out);
    expect('release' in lock).toBe(true);
    expect(readFileSync(lockFile(out), 'utf8')).toBe(`${process.pid} ${hostname()}`);
    if ('release' in lock) lock.release();
  });

  it('waits for a build that is exiting, then takes the folder', async () => {
    const out = outDir();
    // Stands for a build killed a moment ago: it exits once it has read its standard input.
    const exiting = spawn(process.execPath, ['-e', 'process.stdin.resume(); process.stdin.on("end", () => {})']);
    writeFileSync(lockFile(out), `${exiting.pid} ${hostname()}`);
    expect(lockOutput(out)).toHaveProperty('busy');
    const waiting = lockOutputWaiting(out, 60_000);
    exiting.stdin.end();
    const lock = await waiting;
    expect('release' in lock).toBe(true);
    if ('release' in lock) lock.release();
  });

  it('leaves alone the lock of a build on another machine', () => {
    const out = outDir();
    writeFileSync(lockFile(out), '4242 altro-server');
    expect(lockOutput(out)).toMatchObject({ busy: expect.stringContaining('processo 4242 su altro-server') });
    expect(readFileSync(lockFile(out), 'utf8')).toBe('4242 altro-server');
  });
});

describe('runBuild while another build holds the output folder', () => {
  // The build waits 5 s for a holder that might be exiting before it gives up.
  it('stops before touching anything and says why, in Italian', { timeout: 60_000 }, async () => {
    const out = outDir();
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'sito pubblicato');
    const held = lockOutput(out);
    const lines: string[] = [];
    try {
      expect(await runBuild({ PEG_OUT_DIR: out, PEG_CONTENT_DIR: 'content' }, (line) => lines.push(line))).toBe(1);
    } finally {
      if ('release' in held) held.release();
    }
    expect(lines).toEqual([
      `✖ Costruzione non avviata: un'altra costruzione (processo ${process.pid}) sta scrivendo in ${out}: attendi che finisca; se non è in corso, elimina ${lockFile(out)}. ${out} non è stato toccato.`,
    ]);
    expect(readdirSync(join(out, '..')).sort()).toEqual(['dist']);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('sito pubblicato');
  });

  it(
    'stops when another build holds its cache folder, names it and says how to run both',
    { timeout: 60_000 },
    async () => {
      const out = outDir();
      const cache = join(tempDir('peg-lock-'), 'non-ancora', 'cache');
      const held = lockOutput(cache);
      const lines: string[] = [];
      try {
        expect(
          await runBuild({ PEG_OUT_DIR: out, PEG_CONTENT_DIR: 'content', PEG_CACHE_DIR: cache }, (line) =>
            lines.push(line),
          ),
        ).toBe(1);
      } finally {
        if ('release' in held) held.release();
      }
      expect(lines).toEqual([
        `✖ Costruzione non avviata: un'altra costruzione (processo ${process.pid}) sta scrivendo in ${cache}: attendi che finisca; se non è in corso, elimina ${lockFile(cache)} (per due costruzioni contemporanee usa una cartella di cache per ciascuna, PEG_CACHE_DIR). ${out} non è stato toccato.`,
      ]);
      // The output folder's lock was given back: nothing of this build is left.
      expect(readdirSync(join(out, '..'))).toEqual([]);
    },
  );
});
