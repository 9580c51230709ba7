/**
 * The provider id of this package, written once, and the input checks bound to it.
 *
 * @module
 */
import { createRequestKit, type RequestKit } from '@itsm/core/provider';

/** The provider id of Jira Cloud: `'jira-cloud'`. Every error and record of this package carries it. */
export const JIRA_CLOUD = 'jira-cloud' as const;

/**
 * Input checks whose `InputError`s name `jira-cloud`.
 *
 * @internal
 */
export const kit: RequestKit = createRequestKit(JIRA_CLOUD);
