/**
 * Messages for editors: Italian, one line each, `file:riga  livello  messaggio` (docs/contract.md §6).
 * `dedotto` marks a value the importer inferred and the editor should confirm.
 */

export type Livello = 'errore' | 'avviso' | 'dedotto';

export interface Diagnostic {
  line: number;
  level: Livello;
  message: string;
}

export class Diagnostics {
  readonly items: Diagnostic[] = [];

  error(line: number, message: string): void {
    this.items.push({ line, level: 'errore', message });
  }

  warn(line: number, message: string): void {
    this.items.push({ line, level: 'avviso', message });
  }

  inferred(line: number, message: string): void {
    this.items.push({ line, level: 'dedotto', message });
  }

  of(level: Livello): Diagnostic[] {
    return this.items.filter((item) => item.level === level).sort((a, b) => a.line - b.line);
  }

  get hasErrors(): boolean {
    return this.items.some((item) => item.level === 'errore');
  }
}

export function formatDiagnostic(source: string, item: Diagnostic): string {
  return `${source}:${item.line}  ${item.level}  ${item.message}`;
}
