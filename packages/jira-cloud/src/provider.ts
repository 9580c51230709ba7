/**
 * The provider id of this package, written once, and the input checks bound to it.
 *
 * @module
 */
import { createRequestKit, type RequestKit, type SegmentRules } from '@itsm/core/provider';

/**
 * The provider id of Jira Cloud: `'jira-cloud'`. Every error and record of this package carries it.
 *
 * @category Connector
 */
export const JIRA_CLOUD = 'jira-cloud' as const;

/**
 * What Jira's ids and keys may be in a path: strings only.
 *
 * @internal
 */
export const JIRA_SEGMENT_RULES: SegmentRules = Object.freeze({ numbers: false });

/**
 * Input checks whose `InputError`s name `jira-cloud`. Jira's ids and keys are strings (`'10001'`,
 * `'HELP-1'`), so a number given for one is refused rather than guessed at.
 *
 * @internal
 */
export const kit: RequestKit = createRequestKit(JIRA_CLOUD, JIRA_SEGMENT_RULES);
