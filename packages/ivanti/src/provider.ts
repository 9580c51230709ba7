/**
 * The provider id of this package, written once, and the input checks bound to it.
 *
 * @module
 */
import { createRequestKit, type RequestKit } from '@itsm/core/provider';

/**
 * The provider id of Ivanti: `'ivanti'`. Every error and record of this package carries it.
 *
 * @category Connector
 */
export const IVANTI = 'ivanti' as const;

/**
 * Input checks whose `InputError`s name `ivanti`.
 *
 * @internal
 */
export const kit: RequestKit = createRequestKit(IVANTI, { numbers: false });
