/**
 * Zone discovery. Each Autotask database lives in one zone (`webservices5.autotask.net`,
 * `webservices22.autotask.net`, ...; new zones appear, so no list is hard-coded): the client asks
 * `GET <lookup>/ATServicesRest/V1.0/zoneInformation?user=<user name>` — no credentials, not
 * thread-limited — and sends everything else to the `url` it answers, with the version pinned to
 * `V1.0` (`versioninformation` also lists `V2.0`, which has no zone lookup).
 *
 * Answers are kept in a {@link ZoneCache} per lookup origin and user name, for a while (an hour by
 * default); the client looks the zone up again, once, when Autotask refuses the credentials at the
 * URL it had (the database may have moved). Lookups of one key never run twice at once.
 *
 * @module
 */
import { cached, isLoopbackHost, ResponseShapeError, type Cached, type Transport } from '@itsm/core';
import { AUTOTASK, kit } from './provider.js';
import { ZoneInformationSchema, type ZoneInformation } from './schemas/limits.js';

/**
 * The REST API version the client speaks.
 *
 * @category Client
 */
export const AUTOTASK_API_VERSION = 'V1.0';

/**
 * Where zones are looked up unless told otherwise.
 *
 * @category Client
 */
export const DEFAULT_ZONE_LOOKUP_URL = 'https://webservices.autotask.net';

/**
 * How long a zone is kept by default: an hour.
 *
 * @category Client
 */
export const DEFAULT_ZONE_TTL_MS = 60 * 60_000;

/**
 * The zone lookup's path on the lookup origin.
 *
 * @category Client
 */
export const ZONE_LOOKUP_PATH = `/ATServicesRest/${AUTOTASK_API_VERSION}/zoneInformation`;

/**
 * Where zones found by lookup are kept. Made by {@link createZoneCache}.
 *
 * @category Client
 */
export interface ZoneCache {
  /**
   * The zone kept for `key`, looking it up with `lookUp` when there is none (or it is older than the
   * cache's lifetime). Callers who ask while a lookup runs share it; a failed lookup is not kept.
   *
   * @param key - The lookup origin and the user name.
   * @param lookUp - Asks Autotask.
   */
  zone(key: string, lookUp: () => Promise<ZoneInformation>): Promise<ZoneInformation>;
  /**
   * Looks the zone up again, after Autotask refused the credentials at the zone kept: unless the zone
   * kept no longer is the refused one (another caller already looked again), then it is returned.
   * Refreshes of one key never run twice at once.
   *
   * @param key - The lookup origin and the user name.
   * @param lookUp - Asks Autotask.
   * @param refused - Whether a zone is the one whose URL was refused.
   */
  refresh(key: string, lookUp: () => Promise<ZoneInformation>, refused: (zone: ZoneInformation) => boolean): Promise<ZoneInformation>;
  /** Forgets every zone. */
  clear(): void;
}

/**
 * Options of {@link createZoneCache}.
 *
 * @category Client
 */
export interface ZoneCacheOptions {
  /** How long a zone is kept, in milliseconds. Default {@link DEFAULT_ZONE_TTL_MS} (an hour). */
  ttlMs?: number | undefined;
  /** The clock, in milliseconds. Default `Date.now`. */
  now?: (() => number) | undefined;
}

interface ZoneEntry {
  readonly value: Cached<ZoneInformation, [() => Promise<ZoneInformation>]>;
  last: ZoneInformation | undefined;
  refreshing: Promise<ZoneInformation> | undefined;
}

/**
 * A {@link ZoneCache} in this process. Clients share the module's own one by default (clients of the
 * same user name and lookup origin then look the zone up once); give a client its own with the
 * `zoneCache` option.
 *
 * @param options - Lifetime and clock.
 * @example
 * ```ts
 * const zones = createZoneCache({ ttlMs: 12 * 60 * 60_000 });
 * const autotask = new AutotaskClient({ username, secret, trackingId, zoneCache: zones });
 * ```
 *
 * @category Client
 */
export function createZoneCache(options: ZoneCacheOptions = {}): ZoneCache {
  const { ttlMs = DEFAULT_ZONE_TTL_MS, now } = options;
  if (typeof ttlMs !== 'number' || Number.isNaN(ttlMs) || ttlMs < 0) kit.fail('ttlMs', 'must be a non-negative number of milliseconds');
  const entries = new Map<string, ZoneEntry>();
  const entryOf = (key: string): ZoneEntry => {
    let entry = entries.get(key);
    if (entry === undefined) {
      const created: ZoneEntry = {
        value: cached(async (lookUp: () => Promise<ZoneInformation>) => {
          const zone = await lookUp();
          created.last = zone;
          return zone;
        }, { ttlMs, ...(now === undefined ? {} : { now }) }),
        last: undefined,
        refreshing: undefined,
      };
      entry = created;
      entries.set(key, entry);
    }
    return entry;
  };
  return {
    zone: (key, lookUp) => entryOf(key).value.get(lookUp),
    refresh(key, lookUp, refused) {
      const entry = entryOf(key);
      if (entry.refreshing !== undefined) return entry.refreshing;
      if (entry.last !== undefined && !refused(entry.last)) return Promise.resolve(entry.last);
      const running = entry.value.refresh(lookUp);
      entry.refreshing = running;
      const done = () => {
        if (entry.refreshing === running) entry.refreshing = undefined;
      };
      running.then(done, done);
      return running;
    },
    clear: () => entries.clear(),
  };
}

/** The zone cache clients share unless given their own. */
export const sharedZoneCache: ZoneCache = createZoneCache();

/**
 * The key of a user name's zone in a {@link ZoneCache}: the lookup origin and the user name in lower case.
 *
 * @param lookupUrl - The lookup origin.
 * @param username - The API user's user name.
 */
export function zoneKey(lookupUrl: string, username: string): string {
  return `${lookupUrl} ${username.toLowerCase()}`;
}

/**
 * The REST base URL of a zone URL: trailing slashes and any version removed, `/V1.0` appended.
 *
 * @param zoneUrl - `zoneInformation.url`, e.g. `https://webservices5.autotask.net/ATServicesRest/`.
 * @example
 * ```ts
 * apiBaseUrlOf('https://webservices5.autotask.net/ATServicesRest/'); // 'https://webservices5.autotask.net/ATServicesRest/V1.0'
 * ```
 *
 * @category Client
 */
export function apiBaseUrlOf(zoneUrl: string): string {
  const trimmed = zoneUrl.trim().replace(/\/+$/, '').replace(/\/v\d+\.\d+$/i, '');
  return `${trimmed}/${AUTOTASK_API_VERSION}`;
}

/** Whether a URL Autotask gave may be used: `https`, or `http` on a loopback host (a simulator). */
function usableUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
  } catch {
    return false;
  }
}

/**
 * Asks Autotask where a user name's database lives. The request carries no credentials.
 *
 * @param http - A transport on the lookup origin, without auth.
 * @param username - The API user's user name.
 * @param signal - Stops waiting.
 * @throws `AuthenticationError` when Autotask cannot place the user name (its 500 "Zone information
 *   could not be determined"), `ResponseShapeError` when the answer holds no usable URL.
 */
export async function lookUpZone(http: Transport, username: string, signal?: AbortSignal): Promise<ZoneInformation> {
  const zone = await http.request('GET', ZONE_LOOKUP_PATH, {
    query: { user: username },
    schema: ZoneInformationSchema,
    ...(signal === undefined ? {} : { signal }),
  });
  for (const field of ['url', 'webUrl'] as const) {
    const value = zone[field];
    if (value !== undefined && value !== null && !usableUrl(value)) {
      throw new ResponseShapeError(`zoneInformation answered a ${field} that is not an https URL`, {
        provider: AUTOTASK,
        issues: [{ path: [field], message: 'expected an https URL' }],
        raw: zone,
      });
    }
  }
  return zone;
}
