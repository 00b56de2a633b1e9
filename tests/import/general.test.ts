import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseExport } from '../../src/lib/import/parse';
import { TIPI_INDICATORE_BASE } from '../../src/schemas/indicatore';
import { FIXTURES, importFixture } from './helpers';

/** "General, not tuned": the importer's logic names nothing that only the 2020 sample contains. */
describe('the importer is not tuned to the sample', () => {
  it('contains no code, name, number or title of the 2020 export in its logic', () => {
    const parsed = parseExport(
      readFileSync(join(FIXTURES, 'scheda-obiettivi-peg-2020.txt'), 'utf8'),
      TIPI_INDICATORE_BASE,
    );
    const tokens = new Set<string>();
    for (const o of parsed.obiettivi) {
      tokens.add(o.codice).add(o.codice.slice(5)).add(o.responsabile).add(o.centro_di_responsabilita).add(o.titolo);
      for (const ref of Object.values(o.dup)) tokens.add(ref.codice).add(ref.titolo);
      for (const f of o.fasi) [f.titolo, f.responsabile, f.centro_di_responsabilita].forEach((t) => t && tokens.add(t));
      for (const i of o.indicatori) tokens.add(i.descrizione);
    }
    tokens.add('2020').add('Cinisello').add('Sindaco').add('In Corso');
    const dir = 'src/lib/import';
    for (const file of readdirSync(dir)) {
      const source = readFileSync(join(dir, file), 'utf8');
      for (const token of tokens) expect(source.includes(token), `${file} contains «${token}»`).toBe(false);
    }
  });

  it('lists every value it inferred from the sample for the editor to confirm', () => {
    const imported = importFixture('scheda-obiettivi-peg-2020.txt');
    const inferred = imported.output.split('\n').filter((line) => line.includes('  dedotto  '));
    expect(inferred.map((line) => line.replace(/^ +tests\/fixtures\/import\/scheda-obiettivi-peg-2020\.txt:/, '')))
      .toMatchInlineSnapshot(`
        [
          "11  dedotto  2020_A01_00 Modalità di attuazione: 5 paragrafi dopo i due punti scritti come elenco puntato (la conversione aveva perso i punti elenco)",
          "117  dedotto  2020_A01_00 I01 unita_di_misura: % (dal testo «(%)»)",
          "118  dedotto  2020_A01_00 I02 unita_di_misura: % (dal testo «50%»)",
          "119  dedotto  2020_A01_00 I03 direzione: binario (dal testo «si=1»)",
          "120  dedotto  2020_A01_00 I04 direzione: binario (dal testo «si=1»)",
          "121  dedotto  2020_A01_00 I05 direzione: binario (dal testo «si=1»)",
          "122  dedotto  2020_A01_00 I06 direzione: binario (dal testo «si=1»)",
          "123  dedotto  2020_A01_00 I07 direzione: binario (dal testo «si=1»)",
          "128  dedotto  2020_A02_00 Modalità di attuazione: 4 paragrafi dopo i due punti scritti come elenco puntato (la conversione aveva perso i punti elenco)",
          "213  dedotto  2020_A02_00 I02 unita_di_misura: numero (dal testo «numero»)",
          "214  dedotto  2020_A02_00 I03 direzione: binario (dal testo «si=1»)",
          "215  dedotto  2020_A02_00 I04 direzione: binario (dal testo «si=1»)",
          "217  dedotto  2020_A02_00 I06 direzione: binario (dal testo «si=1»)",
          "220  dedotto  2020_A02_00 I09 unita_di_misura: % (dal testo «70%»)",
          "301  dedotto  2020_C04_00 I01 unita_di_misura: % (dal testo «100%»)",
          "302  dedotto  2020_C04_00 I02 direzione: binario (dal testo «si=1»)",
          "303  dedotto  2020_C04_00 I03 direzione: binario (dal testo «si=1»)",
          "304  dedotto  2020_C04_00 I04 unita_di_misura: % (dal testo «100%»)",
          "374  dedotto  2020_S01_00 I02 unita_di_misura: % (dal testo «percentuale»)",
          "374  dedotto  2020_S01_00 I02 direzione: decrescente (dal testo «percentuale massima»)",
          "389  dedotto  2020_S01_00 I09 direzione: binario (dal testo «fatto= 1»)",
          "390  dedotto  2020_S01_00 I10 direzione: binario (dal testo «fatto= 1»)",
          "391  dedotto  2020_S01_00 I11 direzione: binario (dal testo «fatto=1»)",
          "468  dedotto  2020_S02_00 I01 direzione: binario (dal testo «fatto = 1»)",
          "579  dedotto  2020_S03_00 I01 unita_di_misura: % (dal testo «90%»)",
          "580  dedotto  2020_S03_00 I02 direzione: binario (dal testo «si=1»)",
          "581  dedotto  2020_S03_00 I03 direzione: binario (dal testo «si=1»)",
          "686  dedotto  2020_S05_00 I01 direzione: binario (dal testo «SI=1»)",
          "687  dedotto  2020_S05_00 I02 direzione: binario (dal testo «SI=1»)",
          "689  dedotto  2020_S05_00 I04 direzione: binario (dal testo «SI=1»)",
          "705  dedotto  2020_S05_00 I05 direzione: binario (dal testo «SI=1»)",
          "706  dedotto  2020_S05_00 I06 direzione: binario (dal testo «SI=1»)",
          "756  dedotto  2020_S06_00 I01 direzione: binario (dal testo «1=fatto»)",
          "757  dedotto  2020_S06_00 I02 direzione: binario (dal testo «1=fatto»)",
          "777  dedotto  2020_S06_00 I03 direzione: binario (dal testo «1=fatto»)",
          "862  dedotto  2020_S07_00 I02 unita_di_misura: numero (dal testo «numero»)",
          "863  dedotto  2020_S07_00 I03 unita_di_misura: numero (dal testo «numero»)",
          "864  dedotto  2020_S07_00 I04 direzione: binario (dal testo «fatto= 1»)",
          "865  dedotto  2020_S07_00 I05 direzione: binario (dal testo «1=fatto»)",
          "961  dedotto  2020_S08_00 fase «Supporto agli ISC (Istituti Scolastici C…»: tolta l’etichetta «FASE» stampata a parte nel titolo",
          "965  dedotto  2020_S08_00 fase «Ridefinizione di nuovi servizi scolastic…»: tolta l’etichetta «FASE» stampata a parte nel titolo",
          "969  dedotto  2020_S08_00 fase «Progettazione e gestione di servizi per…»: tolta l’etichetta «FASE» stampata a parte nel titolo",
          "973  dedotto  2020_S08_00 fase «Progettazione e gestione di nuovi serviz…»: tolta l’etichetta «FASE» stampata a parte nel titolo",
          "1034  dedotto  2020_S08_00 I01 unita_di_misura: numero (dal testo «Numero»)",
          "1035  dedotto  2020_S08_00 I02 unita_di_misura: numero (dal testo «Numero»)",
          "1036  dedotto  2020_S08_00 I03 unita_di_misura: numero (dal testo «Numero»)",
          "1037  dedotto  2020_S08_00 I04 unita_di_misura: numero (dal testo «N°»)",
          "1038  dedotto  2020_S08_00 I05 unita_di_misura: numero (dal testo «N°»)",
          "1039  dedotto  2020_S08_00 I06 unita_di_misura: % (dal testo «(in %)»)",
          "1040  dedotto  2020_S08_00 I07 unita_di_misura: numero (dal testo «N°»)",
          "1058  dedotto  2020_S08_00 I08 unita_di_misura: numero (dal testo «Numero»)",
          "1059  dedotto  2020_S08_00 I09 unita_di_misura: numero (dal testo «Numero»)",
          "1060  dedotto  2020_S08_00 I10 unita_di_misura: numero (dal testo «Numero»)",
          "1061  dedotto  2020_S08_00 I11 unita_di_misura: numero (dal testo «N°»)",
          "1062  dedotto  2020_S08_00 I12 direzione: decrescente (dal testo «inferiore a»)",
          "1063  dedotto  2020_S08_00 I13 unita_di_misura: numero (dal testo «Numero»)",
          "1064  dedotto  2020_S08_00 I14 unita_di_misura: numero (dal testo «Numero»)",
          "1065  dedotto  2020_S08_00 I15 unita_di_misura: numero (dal testo «Numero»)",
          "1066  dedotto  2020_S08_00 I16 unita_di_misura: numero (dal testo «Numero»)",
          "1067  dedotto  2020_S08_00 I17 direzione: binario (dal testo «si=1»)",
          "1068  dedotto  2020_S08_00 I18 direzione: binario (dal testo «si=1»)",
          "1069  dedotto  2020_S08_00 I19 unita_di_misura: numero (dal testo «N°»)",
          "1070  dedotto  2020_S08_00 I20 direzione: binario (dal testo «(si/no)»)",
          "1087  dedotto  2020_S08_00 I21 direzione: binario (dal testo «(si/no)»)",
          "1088  dedotto  2020_S08_00 I22 unita_di_misura: numero (dal testo «Numero»)",
          "1089  dedotto  2020_S08_00 I23 unita_di_misura: numero (dal testo «Numero»)",
          "1159  dedotto  2020_U09_00 I04 unita_di_misura: numero (dal testo «Numero»)",
          "1160  dedotto  2020_U09_00 I05 unita_di_misura: % (dal testo «70%»)",
        ]
      `);
  });
});
