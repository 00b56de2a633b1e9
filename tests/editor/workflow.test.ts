import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string;
  if?: string;
  permissions?: Record<string, string>;
  environment?: { name: string };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const workflow = load(readFileSync('.github/workflows/ci.yml', 'utf8')) as Workflow;
const DEPLOY_GATE =
  "github.event_name != 'pull_request' && github.ref == 'refs/heads/main' && vars.PEG_DEPLOY_PAGES == 'true'";

describe('GitHub Actions workflow', () => {
  it('runs on every pull request and on main, reading the repository only', () => {
    expect(Object.keys(workflow.on)).toEqual(['pull_request', 'push', 'workflow_dispatch']);
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('checks out the whole history so the storico modifiche is complete', () => {
    const checkout = workflow.jobs.verifica!.steps[0]!;
    expect(checkout.uses).toMatch(/^actions\/checkout@/);
    expect(checkout.with).toEqual({ 'fetch-depth': 0 });
  });

  it('validates, builds, uploads the preview and tests, in this order', () => {
    const steps = workflow.jobs.verifica!.steps;
    const position = (match: (step: Step) => boolean) => steps.findIndex(match);
    const order = [
      position((s) => s.run === 'npm ci --no-audit --no-fund'),
      position((s) => s.run === 'npm run validate'),
      position((s) => s.run === 'npm run build'),
      position((s) => s.uses?.startsWith('actions/upload-artifact@') === true && s.with?.path === 'dist/'),
      position((s) => s.run === 'npm test'),
    ];
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('deploys to GitHub Pages from main only when the repository variable enables it', () => {
    const upload = workflow.jobs.verifica!.steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(upload?.if).toBe(DEPLOY_GATE);
    const deploy = workflow.jobs.pubblica!;
    expect(deploy.needs).toBe('verifica');
    expect(deploy.if).toBe(DEPLOY_GATE);
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy.environment?.name).toBe('github-pages');
    expect(deploy.steps.map((s) => s.uses)).toEqual([expect.stringMatching(/^actions\/deploy-pages@/)]);
  });

  it('pins every action by major version tag', () => {
    const uses = Object.values(workflow.jobs).flatMap((job) => job.steps.flatMap((s) => (s.uses ? [s.uses] : [])));
    expect(uses.length).toBeGreaterThan(0);
    for (const action of uses) expect(action).toMatch(/^actions\/[a-z-]+@v\d+$/);
  });

  it('gives pull requests a checklist for editors', () => {
    const template = readFileSync('.github/pull_request_template.md', 'utf8');
    expect(template.match(/^- \[ \] /gm)?.length).toBeGreaterThanOrEqual(4);
    expect(template).toContain('npm run validate');
  });
});
