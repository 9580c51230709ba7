/**
 * What every resource of the client shares: the transport, the zone's origin, the picklists and the
 * database the limits count against.
 *
 * @module
 */
import type { Transport } from '@itsm/core';
import type { CallOptions } from '../options.js';
import type { EntityPicklists } from '../picklists.js';

/** What a resource needs from the client. */
export interface ResourceContext {
  /** The transport, with the client's auth, limits, retries and error hooks. */
  readonly http: Transport;
  /** The zone's origin, where next-page URLs must point (resolved on first need). */
  origin(signal?: AbortSignal): Promise<string>;
  /** The picklists of an entity, read once and kept. */
  picklists(entity: string, options?: CallOptions): Promise<EntityPicklists>;
  /** The database the limits count against (the zone's `ci` once known, else the user name). */
  databaseKey(): string;
}
