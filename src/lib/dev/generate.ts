import { dump } from 'js-yaml';
import type { Dup } from '../../schemas/dup';
import type { ObiettivoInput } from '../../schemas/obiettivo';
import { objectiveSourcePath } from '../routes';

/**
 * Synthetic content for benchmarks and scale tests: N valid objectives shaped like the largest one of
 * the 2020 sample (2020_S08_00: about twenty fasi, a dozen indicatori, a long narrative), spread over
 * ten years, identical for the same seed.
 */

/** mulberry32: tiny, fast, good enough for test data, and the same on every platform. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

const VERBI = [
  'Programmare',
  'Riorganizzare',
  'Potenziare',
  'Digitalizzare',
  'Semplificare',
  'Monitorare',
  'Coordinare',
  'Rafforzare',
  'Avviare',
  'Consolidare',
];
const OGGETTI = [
  'i servizi demografici',
  'il sistema dei servizi sociali',
  'la manutenzione del patrimonio scolastico',
  'la gestione dei tributi locali',
  'i servizi educativi per l’infanzia',
  'la rete delle biblioteche civiche',
  'il trasporto scolastico',
  'la raccolta differenziata dei rifiuti',
  'gli interventi di protezione civile',
  'lo sportello unico per le attività produttive',
  'la gestione del verde pubblico',
  'i procedimenti edilizi',
];
const FINI = [
  'per ridurre i tempi di attesa dei cittadini',
  'per affrontare l’emergenza epidemiologica',
  'in collaborazione con il terzo settore',
  'nel rispetto delle norme di sicurezza',
  'per ampliare l’accesso ai servizi on line',
  'con particolare attenzione alle fasce più fragili',
  'in attuazione del programma di mandato',
  'attraverso la coprogettazione con le associazioni del territorio',
];
const SOGGETTI = [
  'Il Settore',
  'L’ufficio',
  'Il servizio',
  'L’Amministrazione',
  'Il gruppo di lavoro',
  'La rete territoriale',
];
const AZIONI = [
  'ha riorganizzato',
  'ha avviato',
  'ha completato',
  'ha monitorato',
  'ha ridefinito',
  'ha coordinato',
  'ha garantito',
];
const COMPLEMENTI = [
  'nel corso dell’anno, con incontri periodici tra gli uffici coinvolti',
  'rispettando i tempi previsti dal cronoprogramma',
  'anche attraverso modalità di lavoro agile',
  'con il supporto delle associazioni di volontariato',
  'adeguando le procedure alle nuove disposizioni normative',
  'e ha rendicontato i risultati alla Giunta',
  'tramite un protocollo d’intesa con gli istituti scolastici comprensivi',
];
const COGNOMI = [
  'ROSSI',
  'BIANCHI',
  'COLOMBO',
  'RUSSO',
  'FERRARI',
  'ESPOSITO',
  'ROMANO',
  'GALLO',
  'CONTI',
  'BRUNO',
  'MARINO',
  'GRECO',
];
const NOMI = [
  'MARIO',
  'LAURA',
  'GIULIA',
  'LUCA',
  'ANNA',
  'MARCO',
  'CHIARA',
  'PAOLO',
  'ELENA',
  'ANDREA',
  'SARA',
  'DAVIDE',
];
const SETTORI = [
  'SETTORE SOCIOEDUCATIVO E RISORSE UMANE',
  'SETTORE LAVORI PUBBLICI',
  'SETTORE RISORSE E PATRIMONIO',
  'SETTORE POLIZIA LOCALE',
  'SETTORE CULTURA E SPORT',
  'AREA COORDINAMENTO STRATEGICO',
];
const ASSESSORATI = [
  'Sindaco',
  'Assessore al Bilancio',
  'Assessore alle Politiche sociali',
  'Assessore all’Istruzione',
  'Assessore ai Lavori pubblici',
];
const TIPI = ['EFFICACIA', 'EFFICIENZA', 'QUALITA', 'QUANTITATIVO'] as const;

const title = (random: Random) => `${pick(random, VERBI)} ${pick(random, OGGETTI)} ${pick(random, FINI)}`;
const person = (random: Random) => `${pick(random, COGNOMI)} ${pick(random, NOMI)}`;
const sentence = (random: Random) =>
  `${pick(random, SOGGETTI)} ${pick(random, AZIONI)} ${pick(random, OGGETTI)} ${pick(random, COMPLEMENTI)}.`;
const paragraph = (random: Random, sentences: number) =>
  Array.from({ length: sentences }, () => sentence(random)).join(' ');
const isoDate = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** Integer weights that sum to exactly 100. */
function weights(random: Random, count: number): number[] {
  const raw = Array.from({ length: count }, () => 1 + random() * 4);
  const total = raw.reduce((a, b) => a + b, 0);
  const result = raw.map((w) => Math.max(1, Math.floor((w / total) * 100)));
  let rest = 100 - result.reduce((a, b) => a + b, 0);
  for (let i = 0; rest !== 0; i = (i + 1) % count) {
    if (rest < 0 && result[i]! <= 1) continue;
    result[i]! += Math.sign(rest);
    rest -= Math.sign(rest);
  }
  return result;
}

export const GENERATED_DUP: Dup = {
  mandati: Array.from({ length: 5 }, (_, m) => ({
    codice: `DUP_${10 + m}`,
    titolo: `Obiettivo di mandato ${m + 1}: ${pick(seededRandom(m), OGGETTI)}`,
    missioni: Array.from({ length: 3 }, (_, s) => ({
      codice: `DUP_${10 + m}_${String(101 + s * 100).padStart(4, '0')}`,
      titolo: `Missione ${s + 1} del mandato ${m + 1}`,
      programmi: Array.from({ length: 3 }, (_, p) => ({
        codice: `DUP_${10 + m}_${String(101 + s * 100).padStart(4, '0')}_${1101 + p}`,
        titolo: `Programma ${p + 1}: ${pick(seededRandom(m * 9 + s * 3 + p), FINI)}`,
      })),
    })),
  })),
};

export const GENERATED_ENTE = {
  nome: 'Comune di Esempio',
  codice_ipa: 'c_esempio',
  url: 'https://www.comune.esempio.it',
  sito_url: 'https://peg.comune.esempio.it',
  logo: null,
  colore_primario: '#0b5e5b',
  licenza: 'CC-BY-4.0',
  amministrazione_trasparente: 'https://www.comune.esempio.it/amministrazione-trasparente',
  link: {
    performance: 'https://www.comune.esempio.it/amministrazione-trasparente/performance',
    note_legali: null,
    privacy: 'https://www.comune.esempio.it/privacy',
    dichiarazione_accessibilita: 'https://form.agid.gov.it/view/comune-di-esempio',
  },
  contatti: { indirizzo: 'Piazza del Municipio 1, 00100 Esempio', telefono: null, email: null, pec: null },
  repository: null,
  soglie_esito: { raggiunto: 100, parzialmente_raggiunto: 60 },
  tipi_indicatore: [...TIPI],
};

/** One objective's front matter; `index` within its year gives a unique code. */
export function generateObiettivo(random: Random, anno: number, index: number): ObiettivoInput {
  const letter = String.fromCharCode(65 + (index % 26));
  const number = Math.floor(index / 26) % 1000;
  const sub = Math.floor(index / 26000);
  const codice = `${anno}_${letter}${String(number).padStart(number >= 100 ? 3 : 2, '0')}_${String(sub).padStart(2, '0')}`;
  const mandato = pick(random, GENERATED_DUP.mandati);
  const missione = pick(random, mandato.missioni);
  const programma = pick(random, missione.programmi);
  const responsabile = person(random);
  const centro = pick(random, SETTORI);
  const nFasi = between(random, 14, 22);
  const pesi = weights(random, nFasi);
  const fasi = pesi.map((peso, i) => {
    const startMonth = between(random, 1, 6);
    const endMonth = between(random, startMonth + 1, 12);
    return {
      id: `F${String(i + 1).padStart(2, '0')}`,
      titolo: title(random),
      inizio_previsto: isoDate(anno, startMonth, 1),
      fine_prevista: isoDate(anno, endMonth, 28),
      inizio_effettivo: isoDate(anno, startMonth, between(random, 1, 28)),
      fine_effettiva: random() < 0.8 ? isoDate(anno, endMonth, 28) : null,
      peso,
      avanzamento: random() < 0.9 ? pick(random, [50, 75, 90, 100, 100, 100]) : null,
      responsabile: random() < 0.7 ? responsabile : person(random),
      centro_di_responsabilita: centro,
      note: random() < 0.2 ? paragraph(random, 1) : null,
    };
  });
  const indicatori = Array.from({ length: between(random, 8, 15) }, (_, i) => {
    const binario = random() < 0.4;
    const atteso = binario ? 1 : between(random, 5, 300);
    return {
      id: `I${String(i + 1).padStart(2, '0')}`,
      descrizione: binario ? `${title(random)} (si=1, no=0)` : `Numero di interventi: ${pick(random, OGGETTI)}`,
      tipo: pick(random, TIPI),
      direzione: binario ? ('binario' as const) : random() < 0.85 ? ('crescente' as const) : ('decrescente' as const),
      valore_atteso: atteso,
      valore_raggiunto: binario ? (random() < 0.85 ? 1 : 0) : Math.round(atteso * (0.5 + random())),
      storico: binario || random() < 0.5 ? {} : { [anno - 1]: Math.round(atteso * (0.4 + random() * 0.6)) },
      note: null,
    };
  });
  return {
    codice,
    anno,
    titolo: title(random),
    assessorato: pick(random, ASSESSORATI),
    centro_di_responsabilita: centro,
    responsabile,
    // The validator warns when stato and the fasi disagree ([stato-fasi]).
    stato: fasi.every((fase) => fase.avanzamento === 100) ? 'Concluso' : 'In Corso',
    dup: { mandato: mandato.codice, missione: missione.codice, programma: programma.codice },
    soggetti_coinvolti: [
      {
        nominativo: person(random),
        relazione: 'Posizione Organizzativa',
        impegno: between(random, 0, 50),
        inizio: isoDate(anno, 1, 1),
        fine: null,
      },
    ],
    fasi,
    indicatori,
  };
}

/** Markdown body with the two required sections and several long paragraphs, like the sample. */
function body(random: Random): string {
  const bullets = Array.from({ length: between(random, 3, 6) }, () => `- ${title(random)}`).join('\n');
  const stato = Array.from({ length: between(random, 6, 10) }, () => paragraph(random, between(random, 3, 6))).join(
    '\n\n',
  );
  return `## Modalità di attuazione\n\nComprende:\n\n${bullets}\n\n## Stato di attuazione\n\n${stato}\n`;
}

const YAML_OPTIONS = { lineWidth: -1 } as const;

export interface GeneratedFile {
  /** Path inside the content folder, forward slashes. */
  path: string;
  text: string;
}

/** Every file of a content folder with `count` objectives, lazily (10,000 files do not sit in memory). */
export function* generateContent({ count, seed = 1 }: { count: number; seed?: number }): Generator<GeneratedFile> {
  yield { path: 'ente.yaml', text: dump(GENERATED_ENTE, YAML_OPTIONS) };
  yield { path: 'dup.yaml', text: dump(GENERATED_DUP, YAML_OPTIONS) };
  const random = seededRandom(seed);
  const years = Math.max(1, Math.min(10, count));
  const firstYear = 2016;
  for (let i = 0; i < count; i++) {
    const anno = firstYear + (i % years);
    const data = generateObiettivo(random, anno, Math.floor(i / years));
    const text = `---\n${dump(data, YAML_OPTIONS)}---\n\n${body(random)}`;
    yield { path: objectiveSourcePath(data), text };
  }
}
