import { Document, isMap, isPair, isScalar, visit } from 'yaml';
import { isAmbiguousNumber } from '../validate/italian-number';

/**
 * The project's YAML writer for objective front matter (importer, form editor): no Node APIs, so the
 * editor's browser bundle serialises exactly as `npm run import` does.
 */
/** How the importer writes YAML: block style, no line wrapping, `null` spelt out. */
export const YAML_OPTIONS = { lineWidth: 0, indentSeq: true, nullStr: 'null', flowCollectionPadding: true } as const;

export function toYaml(value: unknown): string {
  const document = new Document(value);
  visit(document, {
    // The validator refuses `1.234` as a possible thousands separator: three decimals get a trailing zero.
    Scalar(_, scalar) {
      if (typeof scalar.value === 'number' && isAmbiguousNumber(scalar.value)) scalar.minFractionDigits = 4;
    },
    Pair(_, pair) {
      if (isPair(pair) && isScalar(pair.key) && pair.key.value === 'storico' && isMap(pair.value)) {
        pair.value.flow = true;
        for (const item of pair.value.items) if (isScalar(item.key)) item.key.value = Number(item.key.value);
      }
    },
  });
  return document.toString(YAML_OPTIONS);
}
