/**
 * The change feed against a simulated provider that has every problem at once: updates to a few
 * tickets at colliding instants, a search index that reveals each update only after a random lag,
 * timestamps set later than the update became visible, a query that truncates `since` to the minute,
 * timestamps rendered with random offsets, a client clock that is skewed, random `limit`s, and
 * restarts from the serialized cursor.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createChangeFeed, DEFAULT_OVERLAP_MS, type ChangeFeed, type ChangeFeedSource } from '../src/changes.js';

const MINUTE = 60_000;
const MAX_LAG = 90_000; // the index shows an update at most this long after it happened
const MAX_LATE = 150_000; // a timestamp can be set at most this long after the update happened
const MAX_SKEW = 60_000; // the client clock is off by at most this much
const OVERLAP = DEFAULT_OVERLAP_MS; // must cover MAX_LAG + MAX_LATE (+1 s of truncation), and MAX_LAG + MAX_SKEW
const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const IDS = ['10', '9', 'A', 'b', 'c-1'];

interface Update {
  id: string;
  /** updatedAt, epoch ms */
  at: number;
  /** when the index starts showing it */
  visibleFrom: number;
  /** order of the updates: a later update of a ticket replaces an earlier one in the index */
  seq: number;
}

interface SimTicket {
  id: string;
  updatedAt: string;
  seq: number;
}

const key = (id: string, at: number) => `${id}@${at}`;

/** Small deterministic PRNG, so that fast-check can replay and shrink a failing run. */
function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Renders an instant with a UTC offset, as providers do (`...+02:00`, `...-07:00`, `...Z`). */
function render(at: number, offsetMinutes: number): string {
  if (offsetMinutes === 0) return new Date(at).toISOString();
  const local = new Date(at + offsetMinutes * MINUTE).toISOString().slice(0, 23);
  const abs = Math.abs(offsetMinutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local}${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

class SimulatedProvider {
  time = T0;
  readonly updates: Update[] = [];
  readonly #random: () => number;
  readonly #ascending: boolean;

  constructor(seed: number, ascending: boolean) {
    this.#random = prng(seed);
    this.#ascending = ascending;
  }

  update(id: string, lag: number, late: number, secondPrecision: boolean): void {
    let at = this.time + late;
    if (secondPrecision) at = Math.floor(at / 1000) * 1000;
    this.updates.push({ id, at, visibleFrom: this.time + lag, seq: this.updates.length });
  }

  /** What the index shows now: for each ticket, its latest update among those already indexed. */
  visible(): Map<string, Update> {
    const shown = new Map<string, Update>();
    for (const update of this.updates) {
      if (update.visibleFrom <= this.time) shown.set(update.id, update); // later seq replaces earlier
    }
    return shown;
  }

  source(): ChangeFeedSource<SimTicket> {
    return {
      ascending: this.#ascending,
      fetchUpdatedSince: (since) => {
        const from = Math.floor(since.getTime() / MINUTE) * MINUTE; // minute precision, like JQL
        const rows = [...this.visible().values()].filter((update) => update.at >= from);
        const order = new Map(rows.map((row) => [row, this.#random()]));
        rows.sort((a, b) => (this.#ascending ? a.at - b.at : 0) || (order.get(a) ?? 0) - (order.get(b) ?? 0));
        const offsets = [0, 0, 120, -420, 330];
        const tickets = rows.map((row) => ({
          id: row.id,
          updatedAt: render(row.at, offsets[Math.floor(this.#random() * offsets.length)] ?? 0),
          seq: row.seq,
        }));
        return (async function* () {
          yield* tickets;
        })();
      },
    };
  }
}

type Step =
  | { kind: 'update'; id: string; lag: number; late: number; secondPrecision: boolean }
  | { kind: 'wait'; ms: number }
  | { kind: 'poll'; limit: number; restart: boolean };

const updateArb = fc.record({
  kind: fc.constant('update' as const),
  id: fc.constantFrom(...IDS),
  lag: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: MAX_LAG })),
  late: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: MAX_LATE })),
  secondPrecision: fc.boolean(),
});
const waitArb = fc.record({
  kind: fc.constant('wait' as const),
  ms: fc.oneof(fc.constantFrom(1, 1000, MINUTE), fc.integer({ min: 0, max: 4 * MINUTE })),
});
const pollArb = fc.record({
  kind: fc.constant('poll' as const),
  limit: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.constant(Infinity)),
  restart: fc.boolean(),
});
const stepsArb = (maxLength: number): fc.Arbitrary<Step[]> =>
  fc.array(
    fc.oneof(
      { weight: 4, arbitrary: updateArb },
      { weight: 3, arbitrary: waitArb },
      { weight: 3, arbitrary: pollArb },
    ),
    { maxLength },
  );

const scenarioArb = fc.record({
  history: stepsArb(15).map((steps) => steps.filter((step) => step.kind !== 'poll')),
  start: fc.oneof(
    fc.constant({ mode: 'now' as const }),
    fc.record({ mode: fc.constant('since' as const), offset: fc.integer({ min: -20 * MINUTE, max: 5 * MINUTE }) }),
  ),
  steps: stepsArb(60),
  skew: fc.integer({ min: -MAX_SKEW, max: MAX_SKEW }),
  ascending: fc.boolean(),
  seed: fc.integer(),
  finalLimit: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constant(Infinity)),
});

describe('change feed against a simulated provider', () => {
  it('returns every version once and only once: no loss, no duplicate', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        const provider = new SimulatedProvider(scenario.seed, scenario.ascending);
        const makeFeed = (): ChangeFeed<SimTicket> =>
          createChangeFeed(provider.source(), { now: () => new Date(provider.time + scenario.skew), scope: 'sim' });
        const run = (steps: Step[]) => {
          for (const step of steps) {
            if (step.kind === 'update') provider.update(step.id, step.lag, step.late, step.secondPrecision);
            if (step.kind === 'wait') provider.time += step.ms;
          }
        };
        run(scenario.history);

        // Which versions the feed owes us: since `since`, or everything not already visible at the start.
        const sinceMs = scenario.start.mode === 'since' ? provider.time + scenario.start.offset : undefined;
        const history = new Set([...provider.visible().values()].map((update) => key(update.id, update.at)));
        const owed = (update: Update) => (sinceMs === undefined ? !history.has(key(update.id, update.at)) : update.at >= sinceMs);

        let feed = makeFeed();
        let cursor: string | undefined;
        if (sinceMs === undefined) {
          const start = await feed.changes();
          expect(start).toMatchObject({ tickets: [], hasMore: false });
          cursor = start.cursor;
        }
        const delivered = new Set<string>();

        const poll = async (limit: number, restart: boolean) => {
          if (restart) feed = makeFeed(); // a new process: only the cursor string survives
          const since = sinceMs === undefined ? undefined : new Date(sinceMs);
          const result = await feed.changes({ cursor, since, limit }); // the cursor wins once there is one
          expect(result.cursor).toMatch(/^[A-Za-z0-9._-]+$/);
          expect(result.tickets.length).toBeLessThanOrEqual(limit);
          if (result.hasMore) expect(result.tickets).toHaveLength(limit);
          const versions = result.tickets.map((ticket) => ({ ...ticket, at: Date.parse(ticket.updatedAt) }));
          for (const [index, version] of versions.entries()) {
            const previous = versions[index - 1];
            if (previous) expect(previous.at < version.at || (previous.at === version.at && previous.id < version.id)).toBe(true);
            const k = key(version.id, version.at);
            expect(delivered.has(k), `duplicate ${k}`).toBe(false);
            delivered.add(k);
            const update = provider.updates[version.seq];
            expect(update && key(update.id, update.at)).toBe(k); // a real version
            if (update) expect(owed(update), `history returned: ${k}`).toBe(true);
          }
          if (!result.hasMore) {
            // Caught up: everything the index shows now that the feed owes has been delivered.
            for (const update of provider.visible().values()) {
              if (owed(update)) expect(delivered.has(key(update.id, update.at)), `lost ${key(update.id, update.at)}`).toBe(true);
            }
          }
          cursor = result.cursor;
          return result.hasMore;
        };

        for (const step of scenario.steps) {
          if (step.kind === 'poll') await poll(step.limit, step.restart);
          else run([step]);
        }
        // Catch up: let the index show everything, then poll until the feed says it is done.
        provider.time += MAX_LAG + 1;
        let rounds = 0;
        while (await poll(scenario.finalLimit, rounds % 3 === 1)) {
          rounds += 1;
          expect(rounds).toBeLessThan(500);
        }
        for (const update of provider.visible().values()) {
          if (owed(update)) expect(delivered.has(key(update.id, update.at))).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
