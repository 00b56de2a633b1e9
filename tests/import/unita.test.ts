import { describe, expect, it } from 'vitest';
import { inferUnita } from '../../src/lib/import/unita';

const unit = (descrizione: string, values: (number | null)[] = [10, 12], direzione = 'crescente' as const) =>
  inferUnita(descrizione, direzione, values).unita;

describe('unita_di_misura inferred from the description', () => {
  it.each([
    ['Atti adottati nei tempi (%)', '%'],
    ['Totale delle riprogettazioni formulate (in %)', '%'],
    ['Smartworking per almeno il 70% del personale', '%'],
    ['Personale in sede: percentuale massima del 50', '%'],
    ['N° incontri con le scuole', 'numero'],
    ['N ° accordi sottoscritti', 'numero'],
    ['n. pratiche evase', 'numero'],
    ['Numero di mascherine distribuite', 'numero'],
    ['cultura decentrata: numero di interviste', 'numero'],
    ['#io resto a casa- numero di immagini raccolte', 'numero'],
    ['Tempo medio di risposta (giorni)', 'giorni'],
    ['Tempo di rilascio in giorni', 'giorni'],
    ['Numero di giorni di attesa per la visita', 'giorni'],
    ['Contributi erogati alle famiglie in euro', 'euro'],
    ['Risparmio sulla spesa energetica (€)', 'euro'],
  ])('«%s» → %s', (descrizione, expected) => {
    expect(unit(descrizione)).toBe(expected);
  });

  it.each([
    // No unit named.
    'Comunicazione tempestiva alla cittadinanza',
    // A frequency or a deadline, not a measure in days.
    'Apertura del front-office 6 giorni su 7',
    'Risposta entro 30 giorni dalla richiesta',
    // "numero" inside the sentence is not what the value counts.
    'Redazione di rapporti sul numero di connessioni',
    'Ridotto numero di colloqui frontali',
    // Two units compete: unsure.
    'Numero di pratiche evase (%)',
    'Spesa in euro per giorni di apertura (giorni)',
    // "europeo" is not euro.
    'Progetto europeo avviato',
  ])('«%s» → null', (descrizione) => {
    expect(unit(descrizione)).toBeNull();
  });

  it('gives no unit to a binario indicator, nor a percentage valued only 0 or 1', () => {
    expect(inferUnita('Attivazione per il 100% dei servizi (si=1, no=0)', 'binario', [1, 1]).unita).toBeNull();
    expect(unit('Utilizzo del 100% dello smartworking', [1, 1])).toBeNull();
    expect(unit('Utilizzo del 100% dello smartworking', [100, null])).toBe('%');
  });

  it('quotes the words that decided it', () => {
    expect(inferUnita('N° incontri', 'crescente', [3, 4])).toEqual({ unita: 'numero', because: 'N°' });
    expect(inferUnita('Atti adottati (%)', 'crescente', [90, 95])).toEqual({ unita: '%', because: '(%)' });
  });
});
