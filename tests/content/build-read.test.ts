import { describe, expect, it } from 'vitest';
import { closeBuildRead, loadContentForBuild, openBuildRead } from '../../src/lib/content/build-read';

const folder = 'tests/fixtures/content/multi-year';

describe('content/ read once per build', () => {
  it('reads afresh outside a build, so the dev server sees every save', () => {
    expect(loadContentForBuild(folder)).not.toBe(loadContentForBuild(folder));
  });

  it('shares one read while a build holds it open, until the last integration closes it', () => {
    openBuildRead();
    openBuildRead();
    const first = loadContentForBuild(folder);
    expect(loadContentForBuild(`./${folder}`)).toBe(first);
    closeBuildRead();
    expect(loadContentForBuild(folder)).toBe(first);
    closeBuildRead();
    expect(loadContentForBuild(folder)).not.toBe(first);
  });
});
