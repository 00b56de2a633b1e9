import { lstatSync, readdirSync, realpathSync, type Dirent, type Stats } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';

/**
 * The one walk of content/: every entry is either a file the site reads (ente.yaml, dup.yaml, an
 * objective) or one Italian problem naming it. The validator reports the problems, the Astro loader
 * and loadContent refuse to run with any, so the site never silently publishes less than the folder holds.
 *
 * Symlinks are refused, wherever they point: an objective is one file in one place (a link inside
 * content/ would publish one file twice or hide a file outside the checked folders; a link outside it
 * would publish something nobody reviewed; on Windows checkouts git writes links as plain text files).
 * Nothing is opened while walking: a FIFO or a device would block or stream forever.
 */

/** A problem with an entry of the folder, before it becomes a validator line (always an error). */
export interface EntryProblem {
  /** Absolute path of the entry. */
  path: string;
  rule: 'file' | 'file-estraneo' | 'collegamento' | 'importazione';
  message: string;
}

export interface ContentEntries {
  /** Absolute paths of the objective files, sorted, so every build reads them in the same order. */
  obiettivi: string[];
  /** The Performance section (content/performance/), absent folder = nothing published there yet. */
  performance: PerformanceEntries;
  problems: EntryProblem[];
  /** Entries that are named but stop nothing (a leftover of an import killed before its commit point). */
  notices: EntryProblem[];
}

/**
 * Where `npm run import` stages its files, and the journal whose presence is its commit point
 * (src/lib/import/commit.ts): a leftover of a killed import, reported as such rather than as a stray entry.
 */
export const IMPORT_STAGING_DIR = '.importazione-in-corso';
export const IMPORT_JOURNAL = 'giornale.json';

export interface PerformanceEntries {
  /** Absolute paths of performance/<anno>.yaml, sorted. */
  anni: string[];
  /** performance/sistema.yaml, or null when absent. */
  sistema: string | null;
  /** Absolute paths of the PDFs in performance/documenti/, sorted. */
  documenti: string[];
}

/** Folder of the Performance section, its documents, and the largest PDF accepted (the Funzione Pubblica's portal). */
export const PERFORMANCE_DIR = 'performance';
export const DOCUMENTI_DIR = 'documenti';
export const MAX_PDF_BYTES = 15 * 1024 * 1024;

/** Files expected at the top of content/, besides the obiettivi folder. */
export const TOP_FILES = ['ente.yaml', 'dup.yaml'] as const;

/** File name of an objective, from its codice (slugFromCodice): a01-00.md, b102-03.md. */
const OBJECTIVE_NAME = /^[a-z]\d{2,3}-\d{2}\.md$/;

/** A year folder: four digits. */
const YEAR = /^\d{4}$/;

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The kind of a special entry; Dirent and Stats answer the same questions. */
function kindOf(stats: Stats | Dirent): string | undefined {
  if (stats.isFIFO()) return 'una pipe (FIFO)';
  if (stats.isSocket()) return 'un socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'un dispositivo';
  return undefined;
}

/** Editor lock files: LibreOffice `.~lock.x#`, Emacs `.#x`, vim swap files. */
function isLockFile(name: string): boolean {
  return name.startsWith('.~lock.') || name.startsWith('.#') || /\.sw[a-p]$/.test(name);
}

/** Backup copies left by editors and merge tools. */
function isBackup(name: string): boolean {
  return /~$|\.(bak|orig|rej|old|tmp|backup)$|^#.*#$/i.test(name);
}

/** Name without its (last) extension and the extension, `a02-00.md.txt` → `a02-00.md`, `.txt`. */
function splitExtension(name: string): { stem: string; ext: string } {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? { stem: name, ext: '' } : { stem: name.slice(0, dot), ext: name.slice(dot) };
}

/** The name the file was probably meant to have: `A03-00.MD` → `a03-00.md`, `a02-00.md.txt` → `a02-00.md`. */
function intendedName(name: string): string {
  let stem = name;
  for (;;) {
    const { stem: s, ext } = splitExtension(stem);
    if (!ext) break;
    stem = s;
  }
  return `${stem.toLowerCase()}.md`;
}

/** Why a name in a year folder is not an objective file, or undefined when it is one. */
function misnamedObjective(name: string): string | undefined {
  if (isLockFile(name))
    return 'file di blocco lasciato da un editor (il documento è aperto o l’editor si è chiuso male): chiudi il documento oppure cancella il file';
  if (isBackup(name)) return 'copia di riserva lasciata da un editor o da un merge: cancellala (la storia è già in git)';
  if (name.startsWith('.')) return 'file nascosto: qui vanno solo gli obiettivi (file .md); cancellalo';
  if (name.endsWith('.md')) return undefined;
  const { ext } = splitExtension(name);
  const what = ext ? `ha l’estensione «${ext}»` : 'non ha l’estensione .md';
  const intended = intendedName(name);
  // Suggest a name only when the file looks like an objective (a01-00): not for Thumbs.db or note.txt.
  return OBJECTIVE_NAME.test(intended)
    ? `${what}: gli obiettivi sono file .md, rinominalo in ${intended}`
    : `${what} e non è un obiettivo (gli obiettivi sono file .md come a01-00.md): spostalo fuori da content/ o cancellalo`;
}

export function toContentPath(contentDir: string, path: string): string {
  return relative(contentDir, path).split(sep).join('/');
}

/**
 * What an entry is, without following it: the lstat result, or a problem (symlink, special file,
 * unreadable). `contentRoot` is where a symlink may point for the message to say so.
 */
function inspect(
  path: string,
  contentRoot: string,
  problems: EntryProblem[],
  dirent?: Dirent,
): Stats | Dirent | undefined {
  let stats: Stats | Dirent;
  try {
    // Directory entries already carry their type: no lstat per file (10,000 files at scale).
    stats = dirent && !dirent.isSymbolicLink() && dirent.isFile() ? dirent : lstatSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'errore';
    problems.push({ path, rule: 'file', message: `non si può leggere (${code})` });
    return undefined;
  }
  if (stats.isSymbolicLink()) {
    let target: string | undefined;
    try {
      target = realpathSync(path);
    } catch {
      target = undefined;
    }
    const rel = target === undefined ? undefined : relative(contentRoot, target);
    const message =
      target === undefined
        ? 'è un collegamento simbolico che non porta a nessun file: cancellalo'
        : rel!.startsWith('..') || isAbsolute(rel!)
          ? `è un collegamento simbolico a un file fuori dalla cartella dei contenuti (${rel!.split(sep).join('/')}): metti qui il file vero`
          : `è un collegamento simbolico a ${rel!.split(sep).join('/')}: i collegamenti non sono ammessi, ogni obiettivo è un solo file vero (copialo o spostalo qui)`;
    problems.push({ path, rule: 'collegamento', message });
    return undefined;
  }
  const special = kindOf(stats);
  if (special) {
    problems.push({ path, rule: 'file-estraneo', message: `non è un file ma ${special}: cancellalo` });
    return undefined;
  }
  return stats;
}

function list(dir: string, problems: EntryProblem[]): Dirent[] | undefined {
  try {
    return readdirSync(dir, { withFileTypes: true }).sort((a, b) => byName(a.name, b.name));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'errore';
    problems.push({ path: dir, rule: 'file', message: `la cartella non si può leggere (${code})` });
    return undefined;
  }
}

/**
 * A killed import: after its commit point (the journal exists) some files are new and some old; before
 * it, the content is the old one, whole, and the staging folder is only a leftover.
 */
function interruptedImport(staging: string): { problem: EntryProblem; committed: boolean } {
  const journal = join(staging, IMPORT_JOURNAL);
  let committed = false;
  try {
    committed = lstatSync(journal).isFile();
  } catch {
    // No journal: interrupted before its commit point.
  }
  return {
    committed,
    problem: committed
      ? {
        path: journal,
        rule: 'importazione',
        message:
          'un’importazione è stata interrotta mentre scriveva i file: alcuni sono nuovi, altri ancora vecchi. Ripeti lo stesso comando npm run import: completa lo spostamento dei file',
      }
    : {
        path: staging,
        rule: 'importazione',
        message:
          'un’importazione è stata interrotta prima di scrivere i file: i contenuti sono quelli di prima, intatti. Cancella questa cartella oppure ripeti npm run import',
      },
  };
}

/** content/performance/: <anno>.yaml, sistema.yaml and documenti/*.pdf; anything else is named. */
function scanPerformance(dir: string, root: string, problems: EntryProblem[], out: PerformanceEntries): void {
  for (const dirent of list(dir, problems) ?? []) {
    const name = dirent.name;
    const path = join(dir, name);
    const entry = inspect(path, root, problems, dirent);
    if (!entry) continue;
    if (name === DOCUMENTI_DIR && entry.isDirectory()) {
      for (const doc of list(path, problems) ?? []) {
        const docPath = join(path, doc.name);
        const docEntry = inspect(docPath, root, problems, doc);
        if (!docEntry) continue;
        if (docEntry.isDirectory() || !/^[a-z0-9][a-z0-9-]*\.pdf$/.test(doc.name))
          problems.push({
            path: docPath,
            rule: 'file-estraneo',
            message: docEntry.isDirectory()
              ? 'cartella dentro performance/documenti/: qui vanno solo file PDF'
              : /\.pdf$/i.test(doc.name)
                ? `il nome del PDF deve essere minuscolo, senza spazi né accenti (per esempio relazione-performance-2020.pdf): rinominalo in ${doc.name.toLowerCase().replace(/[^a-z0-9.]+/g, '-')}`
                : 'qui vanno solo i documenti in PDF (la Funzione Pubblica accetta solo PDF): convertilo in PDF o spostalo',
          });
        else if (lstatSync(docPath).size > MAX_PDF_BYTES)
          problems.push({ path: docPath, rule: 'file', message: 'il PDF supera 15 MB, il limite del portale della Funzione Pubblica: riducilo (per esempio stampandolo di nuovo in PDF a risoluzione più bassa)' });
        else out.documenti.push(docPath);
      }
      continue;
    }
    if (entry.isFile() && name === 'sistema.yaml') out.sistema = path;
    else if (entry.isFile() && /^\d{4}\.yaml$/.test(name)) out.anni.push(path);
    else
      problems.push({
        path,
        rule: 'file-estraneo',
        message: `elemento estraneo in performance/: qui vanno solo <anno>.yaml (per esempio 2020.yaml), sistema.yaml e la cartella ${DOCUMENTI_DIR}; spostalo o cancellalo`,
      });
  }
}

/** Walks content/ once and accounts for every entry. `contentDir` must be an existing folder. */
export function scanContent(contentDir: string): ContentEntries {
  const problems: EntryProblem[] = [];
  const notices: EntryProblem[] = [];
  const obiettivi: string[] = [];
  const performance: PerformanceEntries = { anni: [], sistema: null, documenti: [] };
  let root = contentDir;
  try {
    root = realpathSync(contentDir);
  } catch {
    // The caller reports a missing folder; an empty scan follows.
  }
  const top = (list(contentDir, problems) ?? []).map((entry) => entry.name);
  for (const name of top) {
    const path = join(contentDir, name);
    if ((TOP_FILES as readonly string[]).includes(name) || name === 'obiettivi') {
      const stats = inspect(path, root, problems);
      if (!stats) continue;
      if (name === 'obiettivi' && !stats.isDirectory())
        problems.push({ path, rule: 'file-estraneo', message: 'deve essere una cartella (obiettivi/<anno>/…)' });
      else if (name !== 'obiettivi' && !stats.isFile())
        problems.push({ path, rule: 'file-estraneo', message: `è una cartella: ${name} deve essere un file` });
      continue;
    }
    if (name === PERFORMANCE_DIR) {
      const stats = inspect(path, root, problems);
      if (stats && !stats.isDirectory())
        problems.push({ path, rule: 'file-estraneo', message: 'deve essere una cartella (performance/<anno>.yaml, performance/sistema.yaml, performance/documenti/)' });
      else if (stats) scanPerformance(path, root, problems, performance);
      continue;
    }
    if (name === IMPORT_STAGING_DIR) {
      const { problem, committed } = interruptedImport(path);
      (committed ? problems : notices).push(problem);
      continue;
    }
    problems.push({
      path,
      rule: 'file-estraneo',
      message: `elemento estraneo nella cartella dei contenuti: qui vanno solo ${TOP_FILES.join(', ')} e le cartelle obiettivi e ${PERFORMANCE_DIR}; spostalo o cancellalo`,
    });
  }
  const obiettiviDir = join(contentDir, 'obiettivi');
  if (!top.includes('obiettivi')) {
    problems.push({ path: obiettiviDir, rule: 'file', message: 'la cartella obiettivi non esiste: creala (obiettivi/<anno>/<codice>.md)' });
    return { obiettivi, performance, problems, notices };
  }
  if (problems.some((p) => p.path === obiettiviDir)) return { obiettivi, performance, problems, notices };

  for (const { name: year } of list(obiettiviDir, problems) ?? []) {
    const yearDir = join(obiettiviDir, year);
    const stats = inspect(yearDir, root, problems);
    if (!stats) continue;
    if (!stats.isDirectory()) {
      problems.push({
        path: yearDir,
        rule: 'file-estraneo',
        message: 'file fuori da una cartella dell’anno: gli obiettivi stanno in obiettivi/<anno>/ (per esempio obiettivi/2020/); spostalo lì',
      });
      continue;
    }
    if (!YEAR.test(year)) {
      problems.push({
        path: yearDir,
        rule: 'file-estraneo',
        message: `la cartella «${year}» non è un anno di quattro cifre: i suoi file non vengono letti; rinominala (per esempio 2020)`,
      });
      continue;
    }
    for (const dirent of list(yearDir, problems) ?? []) {
      const name = dirent.name;
      const path = join(yearDir, name);
      const entry = inspect(path, root, problems, dirent);
      if (!entry) continue;
      if (entry.isDirectory()) {
        problems.push({
          path,
          rule: 'file-estraneo',
          message: `cartella dentro obiettivi/${year}/: qui vanno solo file .md, uno per obiettivo; sposta i file e cancella la cartella`,
        });
        continue;
      }
      const misnamed = misnamedObjective(name);
      if (misnamed) problems.push({ path, rule: 'file-estraneo', message: misnamed });
      else obiettivi.push(path);
    }
  }
  // An empty site is almost always a mistake (wrong folder, failed checkout), and Pagefind, finding no
  // objective page, would index every other page instead.
  if (obiettivi.length === 0)
    problems.push({
      path: obiettiviDir,
      rule: 'file',
      message: 'la cartella obiettivi non contiene nessun obiettivo (obiettivi/<anno>/<codice>.md): il sito sarebbe vuoto',
    });
  return { obiettivi, performance, problems, notices };
}

/** Thrown where content is read for the site without the validator first (astro dev, tools). */
export class ContentEntriesError extends Error {}

/** The objective files, or an error listing every entry problem (the validator shows them with context). */
export function objectiveFilesOrThrow(contentDir: string): string[] {
  const { obiettivi, problems } = scanContent(contentDir);
  if (problems.length > 0) {
    const lines = problems.map((p) => `${toContentPath(process.cwd(), p.path)}: ${p.message}`);
    throw new ContentEntriesError(
      `la cartella dei contenuti ha ${problems.length} elementi da sistemare (npm run validate li elenca):\n${lines.join('\n')}`,
    );
  }
  return obiettivi;
}
