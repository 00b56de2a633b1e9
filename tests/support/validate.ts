import { formatText } from '../../src/lib/validate/format';
import { validateContent } from '../../src/lib/validate/validate-content';
import { fixture } from './fixtures';

/** The validator's full text output for a content folder, paths relative to `cwd`. */
export async function validatorOutput(dir: string, cwd?: string): Promise<string> {
  return formatText(await validateContent(dir, cwd ? { cwd } : {}));
}

/** The validator's full text output for a fixture by name; every path reads `<name>/…`. */
export async function fixtureOutput(name: string): Promise<string> {
  const { dir, root } = await fixture(name);
  return validatorOutput(dir, root);
}
