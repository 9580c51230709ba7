/**
 * A deterministic pseudo-random generator seeded from a string, so that the same seed always yields
 * the same data. The generator is SFC32 (Chris Doty-Humphrey's Small Fast Counting generator, 128 bits
 * of state); the seed string is hashed into its four words with FNV-1a and a 32-bit finaliser.
 *
 * Not for cryptography.
 *
 * @module
 */

/**
 * A date given as a `Date`, an ISO 8601 string or milliseconds since the epoch.
 *
 * @category Seed data
 */
export type DateInput = Date | string | number;

/**
 * A value and how likely it is relative to the others, for {@link Random.weighted}.
 *
 * @category Seed data
 */
export interface WeightedChoice<T> {
  /** The value returned when this choice is drawn. */
  readonly value: T;
  /** A finite weight, zero or more; a choice of weight 2 is drawn twice as often as one of weight 1. */
  readonly weight: number;
}

/**
 * A seeded random source with helpers for generating data.
 *
 * @example
 * ```ts
 * const random = new Random('demo');
 * random.int(1, 6);                 // same value every run for seed 'demo'
 * random.pick(['low', 'high']);
 * const users = random.fork('users'); // an independent stream, unaffected by draws from `random`
 * ```
 *
 * @category Seed data
 */
export class Random {
  /** The seed this generator was created from. */
  readonly seed: string;
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  /** Creates a generator whose sequence depends only on `seed`. */
  constructor(seed: string) {
    if (typeof seed !== 'string') throw new TypeError('Random: seed must be a string');
    this.seed = seed;
    this.#a = hashSeed(seed, 0x9e3779b9);
    this.#b = hashSeed(seed, 0x85ebca6b);
    this.#c = hashSeed(seed, 0xc2b2ae35);
    this.#d = hashSeed(seed, 0x27d4eb2f);
    for (let i = 0; i < 15; i += 1) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer from `min` to `max`, both included. */
  int(min: number, max: number): number {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max) {
      throw new RangeError(`Random.int: need integers min <= max (got ${min}, ${max})`);
    }
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float from `min` (included) to `max` (excluded). */
  float(min: number, max: number): number {
    if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) {
      throw new RangeError(`Random.float: need finite min <= max (got ${min}, ${max})`);
    }
    return min + this.next() * (max - min);
  }

  /** `true` with the given probability (0 to 1; default one half). */
  chance(probability = 0.5): boolean {
    return this.next() < probability;
  }

  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Random.pick: the array is empty');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One value, drawn with probability proportional to its weight. */
  weighted<T>(choices: readonly WeightedChoice<T>[]): T {
    let total = 0;
    for (const choice of choices) {
      if (!Number.isFinite(choice.weight) || choice.weight < 0) {
        throw new RangeError(`Random.weighted: weights must be finite and >= 0 (got ${choice.weight})`);
      }
      total += choice.weight;
    }
    if (total <= 0) throw new RangeError('Random.weighted: need at least one positive weight');
    let point = this.next() * total;
    for (const choice of choices) {
      if (choice.weight === 0) continue;
      point -= choice.weight;
      if (point < 0) return choice.value;
    }
    // Floating-point rounding can leave `point` a hair above zero: take the last positive choice.
    return choices.findLast((choice) => choice.weight > 0)!.value;
  }

  /** A shuffled copy of `items` (Fisher–Yates); the input is not changed. */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }

  /** `count` distinct elements of `items` (by position), in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    if (!Number.isSafeInteger(count) || count < 0 || count > items.length) {
      throw new RangeError(`Random.sample: count must be an integer from 0 to ${items.length} (got ${count})`);
    }
    return this.shuffle(items).slice(0, count);
  }

  /** A date between `from` and `to` (both included, millisecond precision). */
  date(from: DateInput, to: DateInput): Date {
    const start = toTime(from, 'from');
    const end = toTime(to, 'to');
    if (start > end) throw new RangeError('Random.date: `from` is after `to`');
    return new Date(start + Math.floor(this.next() * (end - start + 1)));
  }

  /** A string of `length` lower-case hexadecimal digits. */
  hex(length: number): string {
    if (!Number.isSafeInteger(length) || length < 0) {
      throw new RangeError(`Random.hex: length must be a non-negative integer (got ${length})`);
    }
    let out = '';
    while (out.length < length) out += Math.floor(this.next() * 16).toString(16);
    return out;
  }

  /** A random version-4-shaped UUID string (deterministic, like every other draw). */
  uuid(): string {
    const hex = this.hex(32);
    const variant = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  /**
   * An independent generator derived from this one's seed and `label`. Forks do not consume draws
   * from their parent, so adding a draw to one part of a data generator does not shift another.
   */
  fork(label: string): Random {
    return new Random(`${this.seed}\u0000${label}`);
  }
}

/** FNV-1a over the UTF-16 code units of `text`, started from `salt`, then a 32-bit avalanche finaliser. */
function hashSeed(text: string, salt: number): number {
  let hash = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x7feb352d);
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x846ca68b);
  hash ^= hash >>> 16;
  return hash | 0;
}

function toTime(value: DateInput, name: string): number {
  const time = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(time)) throw new RangeError(`Random.date: \`${name}\` is not a valid date`);
  return time;
}
