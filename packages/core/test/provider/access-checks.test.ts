/**
 * runAccessChecks: checks as data, run in order; a check whose needs did not pass is skipped with
 * the root cause's wording, one that does not apply is left out with its dependents, a thrown
 * error is a fail with its message.
 */
import { describe, expect, it } from 'vitest';
import { InputError, NotFoundError } from '../../src/errors.js';
import { errorSummary, runAccessChecks, type AccessCheckDefinition } from '../../src/provider/access-checks.js';

type Id = 'credentials' | 'project' | 'workflow' | 'desk' | 'customers';

function checks(overrides: Partial<Record<Id, AccessCheckDefinition<Id>['run']>>): AccessCheckDefinition<Id>[] {
  const pass = () => ({ status: 'pass' as const, detail: 'fine', fix: 'unused' });
  return [
    { id: 'credentials', title: 'Credentials work', fix: 'Create a new key.', blocks: { because: 'the credentials did not work', fix: 'Fix the credentials first.' }, run: overrides.credentials ?? pass },
    { id: 'project', title: 'The project is visible', needs: ['credentials'], blocks: { because: 'the project is not visible', fix: 'Fix the project first.' }, run: overrides.project ?? pass },
    { id: 'workflow', title: 'The workflow has a resolve step', needs: ['credentials', 'project'], fix: 'Add a resolve transition.', run: overrides.workflow ?? pass },
    { id: 'desk', title: 'The desk is configured', needs: ['credentials'], run: overrides.desk ?? pass },
    { id: 'customers', title: 'Customers are visible', needs: ['desk'], run: overrides.customers ?? pass },
  ];
}

describe('runAccessChecks', () => {
  it('reports every check in order; ok when none failed; no fix on a pass', async () => {
    const report = await runAccessChecks('ivanti', checks({ desk: () => ({ status: 'warn', detail: 'no request type' }) }));
    expect(report.provider).toBe('ivanti');
    expect(report.ok).toBe(true);
    expect(report.checks.map((check) => [check.id, check.status])).toEqual([
      ['credentials', 'pass'], ['project', 'pass'], ['workflow', 'pass'], ['desk', 'warn'], ['customers', 'pass'],
    ]);
    expect(report.checks[0]).toEqual({ id: 'credentials', title: 'Credentials work', status: 'pass', detail: 'fine' });
  });

  it('skips what needs a failed check, with that check own wording, also down the chain', async () => {
    const report = await runAccessChecks('ivanti', checks({ credentials: () => ({ status: 'fail', detail: 'refused' }) }));
    expect(report.ok).toBe(false);
    expect(report.checks[0]).toEqual({ id: 'credentials', title: 'Credentials work', status: 'fail', detail: 'refused', fix: 'Create a new key.' });
    for (const check of report.checks.slice(1)) {
      expect(check).toMatchObject({ status: 'warn', detail: 'Not checked: the credentials did not work.', fix: 'Fix the credentials first.' });
    }
    expect(report.checks).toHaveLength(5);
  });

  it('skips the dependents of a check that failed halfway down', async () => {
    const report = await runAccessChecks('ivanti', checks({ project: () => ({ status: 'fail', detail: 'hidden', fix: 'Give the role.' }) }));
    expect(report.checks.find((check) => check.id === 'project')).toMatchObject({ status: 'fail', fix: 'Give the role.' });
    expect(report.checks.find((check) => check.id === 'workflow')).toMatchObject({ status: 'warn', detail: 'Not checked: the project is not visible.', fix: 'Fix the project first.' });
    expect(report.checks.find((check) => check.id === 'customers')).toMatchObject({ status: 'pass' });
  });

  it('uses a default wording for a failed check without blocks', async () => {
    const report = await runAccessChecks('ivanti', checks({ desk: () => ({ status: 'fail', detail: 'x' }) }));
    expect(report.checks.find((check) => check.id === 'customers')).toMatchObject({
      status: 'warn',
      detail: 'Not checked: the check "desk" did not pass.',
      fix: 'Fix the "desk" check first, then run the checks again.',
    });
  });

  it('turns a thrown error into a fail with its message and the check fix', async () => {
    const report = await runAccessChecks('ivanti', checks({
      workflow: () => {
        throw new NotFoundError('no such workflow', { status: 404, method: 'GET', url: 'https://x/y' });
      },
    }));
    expect(report.checks.find((check) => check.id === 'workflow')).toEqual({
      id: 'workflow', title: 'The workflow has a resolve step', status: 'fail', detail: 'NotFoundError: no such workflow', fix: 'Add a resolve transition.',
    });
  });

  it('reports a skip returned by a check as a warning, and blocks its dependents', async () => {
    const report = await runAccessChecks('ivanti', checks({ desk: () => ({ skip: 'no ticket to inspect', fix: 'Create a ticket.' }) }));
    expect(report.checks.find((check) => check.id === 'desk')).toMatchObject({ status: 'warn', detail: 'Not checked: no ticket to inspect.', fix: 'Create a ticket.' });
    expect(report.checks.find((check) => check.id === 'customers')).toMatchObject({ status: 'warn' });
    expect(report.ok).toBe(true);
  });

  it('leaves out a check that does not apply, and the checks that need it', async () => {
    const report = await runAccessChecks('ivanti', checks({ desk: () => undefined }));
    expect(report.checks.map((check) => check.id)).toEqual(['credentials', 'project', 'workflow']);
  });

  it('refuses needs that name no earlier check', async () => {
    const bad: AccessCheckDefinition[] = [{ id: 'a', title: 'A', needs: ['b'], run: () => ({ status: 'pass' }) }, { id: 'b', title: 'B', run: () => ({ status: 'pass' }) }];
    await expect(runAccessChecks('ivanti', bad)).rejects.toBeInstanceOf(InputError);
  });

  it('errorSummary names SDK errors and keeps other messages', () => {
    expect(errorSummary(new InputError('x is bad', { field: 'x' }))).toBe('InputError: x is bad');
    expect(errorSummary(new Error('plain'))).toBe('plain');
    expect(errorSummary('text')).toBe('text');
  });
});
