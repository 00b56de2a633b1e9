/**
 * Finding (and, as root on Debian, installing) Chromium and the PDF tools: shared by the build, which prints
 * the Relazione sulla Performance to PDF, by scripts/ensure-chromium.ts and by the browser tests.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** CHROME_PATH first (also what Lighthouse reads), then Debian's usual paths. */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return executable(fromEnv) ? fromEnv : undefined;
  return CANDIDATES.find(executable);
}

/** True when `command` is on PATH. */
export function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Installs Debian packages when we are root and apt-get exists; silent no-op otherwise. */
export function aptInstall(packages: readonly string[]): void {
  const isRoot = process.getuid?.() === 0;
  if (packages.length === 0 || !isRoot || !hasCommand('apt-get')) return;
  console.log(`Installo ${packages.join(', ')} con apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
  } catch {
    // The caller checks again afterwards and reports the failure in one line.
  }
}

/** The PDF tools (poppler-utils) the print test reads a printed page with. */
export const PDF_TOOLS = ['pdftotext', 'pdfinfo', 'pdfimages'] as const;

/** Flags verified on these machines: no sandbox as root, no background traffic to closed networks. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
