import type { Obiettivo } from '../../schemas/obiettivo';
import { sommaPesi } from '../derived/metrics';
import { formatEditorNumber } from '../view/format';
import type { Finding } from './problem';
import { nearest } from './suggest';

/** What the rules of one objective need from the rest of the content. */
export interface ObjectiveContext {
  /** Allowed indicator types (ente.yaml), or null when ente.yaml is itself invalid. */
  tipiIndicatore: readonly string[] | null;
  /** DUP codes by level, or null when dup.yaml is invalid. */
  dup: DupIndex | null;
}

export interface DupIndex {
  mandati: ReadonlySet<string>;
  /** missione → its mandato */
  missioni: ReadonlyMap<string, string>;
  /** programma → its missione */
  programmi: ReadonlyMap<string, string>;
}

/** Tolerance of the pesi sum: imported weights such as 33.33 × 3 must still pass. */
const PESI_TOLERANCE = 0.01;

function duplicateIds(items: readonly { id: string }[], list: 'fasi' | 'indicatori'): Finding[] {
  const seen = new Map<string, number>();
  const findings: Finding[] = [];
  items.forEach((item, index) => {
    const first = seen.get(item.id);
    if (first === undefined) seen.set(item.id, index);
    else
      findings.push({
        rule: 'id-duplicato',
        path: [list, index, 'id'],
        message: `l’id ${item.id} è già usato da ${list}.[${first + 1}]: ogni ${list === 'fasi' ? 'fase' : 'indicatore'} ha un id diverso`,
      });
  });
  return findings;
}

type DatePair = [start: string, end: string, label: string];
const FASE_DATES: DatePair[] = [
  ['inizio_previsto', 'fine_prevista', 'prevista'],
  ['inizio_effettivo', 'fine_effettiva', 'effettiva'],
];

function dateOrder(data: Obiettivo): Finding[] {
  const findings: Finding[] = [];
  data.fasi.forEach((fase, index) => {
    for (const [startKey, endKey, label] of FASE_DATES) {
      const start = fase[startKey as keyof typeof fase] as string | null;
      const end = fase[endKey as keyof typeof fase] as string | null;
      if (start && end && start > end)
        findings.push({
          rule: 'date-ordine',
          path: ['fasi', index, endKey],
          message: `la fine ${label} ${end} viene prima dell’inizio ${start}`,
        });
    }
  });
  data.soggetti_coinvolti.forEach((soggetto, index) => {
    if (soggetto.inizio && soggetto.fine && soggetto.inizio > soggetto.fine)
      findings.push({
        rule: 'date-ordine',
        path: ['soggetti_coinvolti', index, 'fine'],
        message: `la fine ${soggetto.fine} viene prima dell’inizio ${soggetto.inizio}`,
      });
  });
  return findings;
}

function pesiFasi(data: Obiettivo): Finding[] {
  if (data.fasi.length === 0) return [];
  const sum = sommaPesi(data.fasi);
  // The epsilon keeps float sums such as 33.33 × 3 (99.99000000000001) inside the tolerance.
  if (Math.abs(sum - 100) <= PESI_TOLERANCE + 1e-9) return [];
  return [
    {
      rule: 'pesi-fasi',
      path: ['fasi'],
      at: 'key',
      message: `la somma dei pesi delle fasi è ${formatEditorNumber(sum)}, deve essere 100`,
    },
  ];
}

function dupLinks(data: Obiettivo, dup: DupIndex | null): Finding[] {
  if (!dup) return [];
  const { mandato, missione, programma } = data.dup;
  const missing: Finding[] = [];
  if (!dup.mandati.has(mandato)) missing.push(missingCode('mandato', mandato));
  if (!dup.missioni.has(missione)) missing.push(missingCode('missione', missione));
  if (!dup.programmi.has(programma)) missing.push(missingCode('programma', programma));
  if (missing.length > 0) return missing;
  // Each link names its parent in dup.yaml: programma → missione → mandato.
  const links = [
    {
      level: 'programma',
      code: programma,
      parent: dup.programmi.get(programma),
      expected: missione,
      parentLevel: 'missione',
    },
    {
      level: 'missione',
      code: missione,
      parent: dup.missioni.get(missione),
      expected: mandato,
      parentLevel: 'mandato',
    },
  ] as const;
  return links
    .filter((link) => link.parent !== link.expected)
    .map((link) => ({
      rule: 'dup-catena' as const,
      path: ['dup', link.level],
      message: `${link.level === 'programma' ? 'il programma' : 'la missione'} ${link.code} appartiene ${link.parentLevel === 'missione' ? 'alla missione' : 'al mandato'} ${link.parent}, non a ${link.expected}`,
    }));
}

function missingCode(level: 'mandato' | 'missione' | 'programma', code: string): Finding {
  return {
    rule: 'dup-mancante',
    path: ['dup', level],
    message: `il codice ${code} non è definito in dup.yaml: aggiungilo lì o correggi il codice`,
  };
}

function tipiIndicatore(data: Obiettivo, tipi: readonly string[] | null): Finding[] {
  if (!tipi) return [];
  const findings: Finding[] = [];
  data.indicatori.forEach((indicatore, index) => {
    if (tipi.includes(indicatore.tipo)) return;
    const guess = nearest(indicatore.tipo, tipi);
    const hint = guess
      ? `forse intendevi ${guess}?`
      : `i tipi ammessi sono ${tipi.join(', ')} (elenco in ente.yaml, tipi_indicatore)`;
    findings.push({
      rule: 'tipo-indicatore',
      path: ['indicatori', index, 'tipo'],
      message: `tipo sconosciuto «${indicatore.tipo}»: ${hint}`,
    });
  });
  return findings;
}

function storicoAnni(data: Obiettivo): Finding[] {
  const findings: Finding[] = [];
  data.indicatori.forEach((indicatore, index) => {
    for (const year of Object.keys(indicatore.storico)) {
      if (Number(year) < data.anno) continue;
      findings.push({
        rule: 'storico-anno',
        path: ['indicatori', index, 'storico', year],
        at: 'key',
        message: `lo storico contiene solo anni precedenti al ${data.anno}: il valore del ${year} va in valore_raggiunto o nel PEG di quell’anno`,
      });
    }
  });
  return findings;
}

/** `verificato: true` confirms a doubted value: the note must say why it is right (pages show it). */
function verificatoNote(data: Obiettivo): Finding[] {
  return data.indicatori.flatMap((indicatore, index): Finding[] =>
    indicatore.verificato && !indicatore.note
      ? [
          {
            rule: 'verificato-note',
            path: ['indicatori', index, 'note'],
            message:
              'con verificato: true spiega nelle note perché il valore è corretto (per esempio la fonte del dato)',
          },
        ]
      : [],
  );
}

/** Rules across the fields of one schema-valid objective (errors). */
export function objectiveRules(data: Obiettivo, context: ObjectiveContext): Finding[] {
  return [
    ...dupLinks(data, context.dup),
    ...pesiFasi(data),
    ...duplicateIds(data.fasi, 'fasi'),
    ...dateOrder(data),
    ...duplicateIds(data.indicatori, 'indicatori'),
    ...tipiIndicatore(data, context.tipiIndicatore),
    ...storicoAnni(data),
    ...verificatoNote(data),
  ];
}
