/**
 * The provider id of this package, written once, and the input checks bound to it.
 *
 * @module
 */
import { createRequestKit, type RequestKit } from '@itsm/core/provider';

/**
 * The provider id of Autotask: `'autotask'`. Every error and record of this package carries it.
 *
 * @category Connector
 */
export const AUTOTASK = 'autotask' as const;

/**
 * Input checks whose `InputError`s name `autotask`.
 *
 * @internal
 */
export const kit: RequestKit = createRequestKit(AUTOTASK);
