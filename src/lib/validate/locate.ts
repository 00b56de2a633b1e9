import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import type { FieldPath } from './problem';

export interface Position {
  line: number;
  col: number;
}

/**
 * Finds the line and column of a field path in YAML text. Built only for files that have problems:
 * the `yaml` package keeps node ranges that js-yaml does not, at several times js-yaml's cost.
 */
export class Locator {
  private readonly doc;
  private readonly lines = new LineCounter();

  /** `firstLine`: file line (1-based) of the YAML's first line. */
  constructor(
    yaml: string,
    private readonly firstLine: number,
  ) {
    this.doc = parseDocument(yaml, { lineCounter: this.lines, uniqueKeys: false });
  }

  private position(offset: number): Position {
    const { line, col } = this.lines.linePos(offset);
    return { line: line + this.firstLine - 1, col };
  }

  /**
   * Position of the value at `path` (or of its key with `at: 'key'`). When the path does not exist
   * (a missing field), the deepest existing ancestor is used: the editor sees where to add it.
   */
  locate(path: FieldPath, at: 'key' | 'value' = 'value'): Position {
    let node: unknown = this.doc.contents;
    let pair: Pair | undefined;
    let found = 0;
    for (const segment of path) {
      let next: unknown;
      let nextPair: Pair | undefined;
      if (isMap(node)) {
        nextPair = node.items.find((item) => isPair(item) && keyText(item.key) === String(segment));
        next = nextPair?.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        next = node.items[segment];
      }
      if (next === undefined && nextPair === undefined) break;
      node = next;
      pair = nextPair;
      found++;
    }
    const complete = found === path.length;
    // A pair's key is the best anchor when asked for it, when the value is empty (`peso:`) or when
    // the field itself is missing and we point at its parent's key.
    const keyNode = pair?.key as Node | undefined;
    const valueNode = node as Node | null | undefined;
    const useKey = keyNode && (at === 'key' || !complete || !valueNode?.range);
    const range = useKey ? keyNode.range : valueNode?.range;
    return range ? this.position(range[0]) : { line: Math.max(1, this.firstLine - 1), col: 1 };
  }
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}
