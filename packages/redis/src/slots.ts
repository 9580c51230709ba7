/**
 * Thread slots shared through Redis: at most `limit` holders per key across every process, each
 * holding a lease that runs out unless renewed, so that a crashed process never keeps a slot.
 *
 * - **Leases.** A slot is a member of the lane's `held` set, scored with the time its lease runs out
 *   (`leaseMs` after it was taken or last renewed). The process renews the leases it holds every
 *   third of `leaseMs`; a process that crashed or froze stops renewing, and its slots are free again
 *   `leaseMs` after the last renewal. A lease found run out when its holder gives it back, or when
 *   it renews it, means the limit may have been exceeded meanwhile, and is reported to the logger.
 * - **Fairness.** Waiters queue in order of arrival (a ticket counter), and a free slot goes only to
 *   one of the first waiters of the queue, never to one who came later, so nobody waits forever
 *   while others keep arriving. A waiter stays queued by asking again at least every few seconds; a
 *   waiter that stops (its process died) loses its place within `waiterTtlMs`. Each process queues at
 *   most `limit` of its calls per key in Redis (the others wait in a local queue in front, see the
 *   stores), so a busy process cannot flood the queue: the lanes' slots go round the processes.
 * - **Wake-ups.** Giving a slot back publishes the lane's key on a channel; each process listens to
 *   it on a second connection and wakes its first waiter of that lane, which asks again at once (the
 *   first waiter overall is the first of its process, so it is among those woken). Waiters
 *   also ask every `pollMs`, which finds the slots of crashed processes (nobody publishes those) and
 *   covers a message lost while reconnecting.
 *
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { ReleaseSlot } from '@itsm/core';
import type { RedisConnection, ScriptReply } from './connection.js';
import type { RedisStoresLogger } from './options.js';
import { SLOT_ACQUIRE, SLOT_RELEASE, SLOT_RENEW } from './scripts.js';

/** What {@link createRedisSlots} needs. */
export interface RedisSlotsSettings {
  /** The key prefix. */
  keyPrefix: string;
  /** The lease of a slot, in milliseconds. */
  leaseMs: number;
  /** Where lost leases are reported. */
  logger: RedisStoresLogger;
}

/** Slots in Redis. */
export interface RedisSlots {
  /**
   * Waits for a slot of `key` and takes it.
   *
   * @param key - The lane.
   * @param limit - The most holders of the lane.
   * @param signal - Stops waiting (rejects with its reason, holding nothing).
   * @throws RedisUnreachable (from the connection) when Redis cannot be reached.
   */
  acquire(key: string, limit: number, signal: AbortSignal): Promise<ReleaseSlot>;
  /** Waits for the slots being given back, then stops renewing leases (the ones still held run out by themselves). */
  close(): Promise<void>;
}

/** How often a waiter asks again without a wake-up, for a lease in milliseconds. */
export function pollIntervalOf(leaseMs: number): number {
  return Math.min(1_000, Math.max(50, Math.round(leaseMs / 10)));
}

/** How long a waiter keeps its place in the queue without asking again, for a poll interval. */
export function waiterTtlOf(pollMs: number): number {
  return Math.max(5 * pollMs, 5_000);
}

/** The Redis keys of a lane. */
interface LaneKeys {
  held: string;
  queue: string;
  alive: string;
  ticket: string;
}

/** A waiter of this process: whether a wake-up came since it last asked, and how to end its pause. */
interface Waiter {
  woken: boolean;
  resume: (() => void) | undefined;
}

function granted(reply: ScriptReply): boolean {
  return Array.isArray(reply) && reply[0] === 1;
}

/**
 * Makes the Redis slots of a set of stores.
 *
 * @param connection - The connection.
 * @param settings - Prefix, lease and logger.
 */
export function createRedisSlots(connection: RedisConnection, settings: RedisSlotsSettings): RedisSlots {
  const { keyPrefix, leaseMs, logger } = settings;
  const pollMs = pollIntervalOf(leaseMs);
  const waiterTtlMs = waiterTtlOf(pollMs);
  const channel = `${keyPrefix}slots:released`;
  const owner = randomUUID();
  let counter = 0;
  /** This process's waiters by lane, in order of arrival (which is their order in the lane's queue too). */
  const waiters = new Map<string, Map<string, Waiter>>();
  /** The leases this process holds: id → lane, and whether it was found lost. */
  const held = new Map<string, { key: string; lost: boolean }>();
  let renewal: ReturnType<typeof setInterval> | undefined;
  /** Slots being given back, which `close()` lets finish. */
  const releasing = new Set<Promise<unknown>>();

  const keysOf = (key: string): LaneKeys => {
    const base = `${keyPrefix}slots:${key}:`;
    return { held: `${base}held`, queue: `${base}queue`, alive: `${base}alive`, ticket: `${base}ticket` };
  };

  /**
   * A slot of the lane was given back: one slot, so wake only this process's first waiter, the
   * only one here that can be first in the lane's queue (each process wakes its own first: the
   * one of them that is first overall takes the slot).
   */
  const wakeUp = (key: string) => {
    const first = waiters.get(key)?.values().next();
    if (first === undefined || first.done) return;
    first.value.woken = true;
    first.value.resume?.();
  };

  const enter = (key: string, id: string): Waiter => {
    let lane = waiters.get(key);
    if (lane === undefined) {
      lane = new Map();
      waiters.set(key, lane);
    }
    const waiter: Waiter = { woken: false, resume: undefined };
    lane.set(id, waiter);
    return waiter;
  };

  const exit = (key: string, id: string) => {
    const lane = waiters.get(key);
    lane?.delete(id);
    if (lane?.size === 0) waiters.delete(key);
  };

  /** Waits for a wake-up (unless one came while the waiter asked), at most `pollMs`; rejects when the signal aborts. */
  const pause = (waiter: Waiter, signal: AbortSignal): Promise<void> => {
    if (waiter.woken) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        waiter.resume = undefined;
      };
      const onAbort = () => {
        done();
        reject(signal.reason);
      };
      const timer = setTimeout(() => {
        done();
        resolve();
      }, pollMs);
      signal.addEventListener('abort', onAbort, { once: true });
      waiter.resume = () => {
        done();
        resolve();
      };
    });
  };

  const reportLost = (key: string, when: string) => {
    logger.warn(
      `@itsm/redis: the lease of a thread slot of "${key}" ran out ${when} (this process did not renew it for ${leaseMs} ms: ` +
        'a blocked event loop, or Redis out of reach); another process may have taken the slot meanwhile, so the limit may have been exceeded',
    );
  };

  const renew = async () => {
    const byLane = new Map<string, string[]>();
    for (const [id, lease] of held) {
      if (lease.lost) continue;
      const ids = byLane.get(lease.key) ?? [];
      ids.push(id);
      byLane.set(lease.key, ids);
    }
    await Promise.all(
      [...byLane].map(async ([key, ids]) => {
        try {
          const lost = await connection.run(SLOT_RENEW, [keysOf(key).held], [leaseMs, ...ids]);
          if (typeof lost === 'number' && lost > 0) {
            for (const id of ids) {
              const lease = held.get(id);
              if (lease !== undefined) lease.lost = true;
            }
            reportLost(key, 'before it was renewed');
          }
        } catch {
          // Redis is out of reach: nobody can take the slot through it either. The next renewal tries again.
        }
      }),
    );
  };

  const startRenewal = () => {
    if (renewal !== undefined) return;
    renewal = setInterval(() => void renew(), Math.max(1, Math.floor(leaseMs / 3)));
    renewal.unref?.();
  };

  const stopRenewalIfIdle = () => {
    if (held.size > 0 || renewal === undefined) return;
    clearInterval(renewal);
    renewal = undefined;
  };

  /** Leaves the lane (gives the slot back, or the place in the queue) and wakes its waiters. */
  const leave = (key: string, id: string) => {
    const keys = keysOf(key);
    return connection.run(SLOT_RELEASE, [keys.held, keys.queue, keys.alive], [id, channel, key]);
  };

  /** The release of a slot just taken: stops renewing its lease, gives it back once. */
  const holding = (key: string, id: string): ReleaseSlot => {
    held.set(id, { key, lost: false });
    startRenewal();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const lost = held.get(id)?.lost ?? false;
      held.delete(id);
      stopRenewalIfIdle();
      const giving = leave(key, id).then(
        (found) => {
          if (found === 0 && !lost) reportLost(key, 'before its request was over');
        },
        // Redis is out of reach: the lease runs out by itself within leaseMs.
        () => undefined,
      );
      releasing.add(giving);
      void giving.finally(() => releasing.delete(giving));
    };
  };

  return {
    async acquire(key, limit, signal) {
      connection.subscribe(channel, wakeUp);
      const keys = keysOf(key);
      counter += 1;
      const id = `${owner}:${counter}`;
      const waiter = enter(key, id);
      let queued = false;
      try {
        for (;;) {
          signal.throwIfAborted();
          // A wake-up that comes while the script runs is kept, so that a slot given back meanwhile is not missed.
          waiter.woken = false;
          const reply = await connection.run(SLOT_ACQUIRE, [keys.held, keys.queue, keys.alive, keys.ticket], [id, limit, leaseMs, waiterTtlMs], signal);
          if (granted(reply)) {
            // More slots may have come free at once than this process heard of: the next waiter asks too.
            exit(key, id);
            wakeUp(key);
            const release = holding(key, id);
            if (signal.aborted) {
              release();
              throw signal.reason;
            }
            return release;
          }
          queued = true;
          await pause(waiter, signal);
        }
      } catch (error) {
        // Give the place in the queue back (best effort: it is dropped within waiterTtlMs anyway).
        if (queued) leave(key, id).catch(() => undefined);
        throw error;
      } finally {
        exit(key, id);
      }
    },
    async close() {
      await Promise.all(releasing);
      held.clear();
      if (renewal !== undefined) clearInterval(renewal);
      renewal = undefined;
    },
  };
}
