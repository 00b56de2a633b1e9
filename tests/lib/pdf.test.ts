import { describe, expect, it } from 'vitest';
import { reproduciblePdf } from '../../src/lib/outputs/pdf';

const pdf = (text: string) => Buffer.from(text, 'latin1');

describe('reproduciblePdf', () => {
  it('blanks the print dates and renumbers structure ids in order, keeping every byte offset', () => {
    const a = pdf(
      '<</CreationDate (D:20261127154500Z)>>\n<</S /TH /ID (node00000125)>>\n<</S /TD /ID (node00000131)>>\n<</Headers [(node00000125)]>>',
    );
    const b = pdf(
      '<</CreationDate (D:20261127160000Z)>>\n<</S /TH /ID (node00000126)>>\n<</S /TD /ID (node00000132)>>\n<</Headers [(node00000126)]>>',
    );
    const [ra, rb] = [reproduciblePdf(a), reproduciblePdf(b)];
    expect(ra.equals(rb)).toBe(true);
    expect(ra.length).toBe(a.length);
    expect(ra.toString('latin1')).toContain('/ID (node00000001)>>\n<</S /TD /ID (node00000002)');
    // A reference to an id gets the same new number as the id itself.
    expect(ra.toString('latin1')).toContain('/Headers [(node00000001)]');
    expect(ra.toString('latin1')).not.toContain('D:2026');
  });
});
