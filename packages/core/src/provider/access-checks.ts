/**
 * {@link runAccessChecks}: `verifyAccess()` as data. Each check says what it needs, how it runs
 * and how to fix it; the runner runs them in order, skips a check whose needs did not pass, turns
 * a thrown error into a `fail`, and builds the `AccessReport`.
 *
 * @module
 */
import { accessReport, InputError, ItsmError, type AccessCheck, type AccessCheckStatus, type AccessReport, type ProviderId } from '@itsm/core';

/**
 * What a check found.
 *
 * @category Access checks
 */
export interface AccessCheckResult {
  /** `pass`, `warn` (works, but not as recommended) or `fail`. */
  status: AccessCheckStatus;
  /** What was found, in a sentence. */
  detail?: string | undefined;
  /** What an administrator should change; default: the check's own `fix`. Dropped on `pass`. */
  fix?: string | undefined;
}

/**
 * A check that could not be made: reported as a warning, `Not checked: <because>.`
 *
 * @category Access checks
 */
export interface AccessCheckSkip {
  /** Why it was not checked, completing `Not checked: …` (e.g. `the workflow could not be read`). */
  skip: string;
  /** What to do about it; default: the check's own `fix`. */
  fix?: string | undefined;
}

/**
 * What a check's `run` returns: a result, a skip, or `undefined` when the check does not apply to
 * this configuration (it is then left out of the report, and so are the checks that need it).
 *
 * @category Access checks
 */
export type AccessCheckOutcome = AccessCheckResult | AccessCheckSkip | undefined;

/**
 * One check of `verifyAccess()`, as data.
 *
 * @category Access checks
 */
export interface AccessCheckDefinition<Id extends string = string> {
  /** Stable identifier, e.g. `credentials` or `transition.resolve`. */
  id: Id;
  /** What is checked, in a sentence. */
  title: string;
  /**
   * Ids of earlier checks this one needs to have passed (`pass` or `warn`). When one failed or was
   * skipped, this check is skipped (a warning saying why); when one was left out, so is this one.
   */
  needs?: readonly Id[] | undefined;
  /** Runs the check. A thrown error is a `fail` whose detail is the error's message. */
  run: () => AccessCheckOutcome | Promise<AccessCheckOutcome>;
  /** What an administrator should change when the check does not pass (unless its result says otherwise). */
  fix?: string | undefined;
  /**
   * How the checks that need this one are reported when it does not pass: `because` completes
   * `Not checked: …` (e.g. `the credentials did not work`), `fix` is their fix. Default: that
   * this check failed, and to fix it first.
   */
  blocks?: { because: string; fix: string } | undefined;
}

/**
 * A short, secret-free description of a failure for a check's detail: `Name: message` for SDK
 * errors, the message for other errors.
 *
 * @param error - What was thrown.
 * @example
 * ```ts
 * errorSummary(new TypeError('fetch failed')); // 'fetch failed'
 * ```
 *
 * @category Access checks
 */
export function errorSummary(error: unknown): string {
  if (error instanceof ItsmError) return `${error.name}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

/** How an earlier check ended, as its dependents see it. */
type Standing = 'passed' | 'left-out' | { blocked: { because: string; fix: string } };

function isSkip(outcome: AccessCheckResult | AccessCheckSkip): outcome is AccessCheckSkip {
  return 'skip' in outcome;
}

function entry(id: string, title: string, status: AccessCheckStatus, detail: string | undefined, fix: string | undefined): AccessCheck {
  return { id, title, status, ...(detail === undefined ? {} : { detail }), ...(status === 'pass' || fix === undefined ? {} : { fix }) };
}

/** Refuses a `needs` entry that names no earlier check: a mistake in the provider's code. */
function checkNeeds(checks: readonly AccessCheckDefinition[]): void {
  checks.forEach((check, index) => {
    for (const need of check.needs ?? []) {
      if (!checks.slice(0, index).some((earlier) => earlier.id === need)) {
        throw new InputError(`checks.${index}.needs names "${need}", which is not an earlier check`, { field: `checks.${index}.needs` });
      }
    }
  });
}

/**
 * Runs access checks one after the other, in order, and reports them. Never throws for a check:
 *
 * - a check whose `needs` include one that failed or was skipped is skipped: a `warn` whose detail
 *   is `Not checked: <because>.`, with the `blocks` wording of the check at the root of it;
 * - a check whose `run` returns `undefined`, or that needs one that did, is left out;
 * - a check whose `run` throws is a `fail` with the error's message ({@link errorSummary}) and its `fix`.
 *
 * @param provider - The provider checked.
 * @param checks - The checks, in the order to run and report them.
 * @returns The report: `ok` unless a check failed.
 * @throws `InputError` when a check needs one that does not come before it.
 * @example
 * ```ts
 * declare function readMyself(): Promise<{ active: boolean }>;
 * const report = await runAccessChecks('ivanti', [
 *   {
 *     id: 'credentials', title: 'The API key is accepted', fix: 'Create a REST API key in the Configuration console.',
 *     blocks: { because: 'the API key did not work', fix: 'Fix the API key first.' },
 *     run: async () => ((await readMyself()).active ? { status: 'pass' } : { status: 'fail', detail: 'The key is deactivated.' }),
 *   },
 *   { id: 'incidents', title: 'Incidents are readable', needs: ['credentials'], run: () => ({ status: 'pass' }) },
 * ]);
 * ```
 *
 * @category Access checks
 */
export async function runAccessChecks<Id extends string>(provider: ProviderId, checks: readonly AccessCheckDefinition<Id>[]): Promise<AccessReport> {
  checkNeeds(checks);
  const standings = new Map<string, Standing>();
  const report: AccessCheck[] = [];
  for (const check of checks) {
    const needs = (check.needs ?? []).map((need) => standings.get(need));
    if (needs.includes('left-out')) {
      standings.set(check.id, 'left-out');
      continue;
    }
    const blocker = needs.find((standing): standing is Exclude<Standing, string> => typeof standing === 'object');
    if (blocker !== undefined) {
      report.push(entry(check.id, check.title, 'warn', `Not checked: ${blocker.blocked.because}.`, blocker.blocked.fix));
      standings.set(check.id, blocker);
      continue;
    }
    let outcome: AccessCheckOutcome;
    try {
      outcome = await check.run();
    } catch (error) {
      outcome = { status: 'fail', detail: errorSummary(error) };
    }
    if (outcome === undefined) {
      standings.set(check.id, 'left-out');
      continue;
    }
    const blocks = check.blocks ?? { because: `the check "${check.id}" did not pass`, fix: `Fix the "${check.id}" check first, then run the checks again.` };
    if (isSkip(outcome)) {
      report.push(entry(check.id, check.title, 'warn', `Not checked: ${outcome.skip}.`, outcome.fix ?? check.fix));
      standings.set(check.id, { blocked: blocks });
      continue;
    }
    report.push(entry(check.id, check.title, outcome.status, outcome.detail, outcome.fix ?? check.fix));
    standings.set(check.id, outcome.status === 'fail' ? { blocked: blocks } : 'passed');
  }
  return accessReport(provider, report);
}
