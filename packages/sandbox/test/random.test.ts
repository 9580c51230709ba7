import { describe, expect, it } from 'vitest';
import { Random } from '../src/random.js';

function draws(random: Random, count = 20): number[] {
  return Array.from({ length: count }, () => random.next());
}

describe('Random', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    expect(draws(new Random('alpha'))).toEqual(draws(new Random('alpha')));
    expect(draws(new Random('alpha'))).not.toEqual(draws(new Random('alphb')));
    expect(draws(new Random(''))).not.toEqual(draws(new Random(' ')));
  });

  it('pins the sequence, so generated data does not change between versions', () => {
    const random = new Random('itsm-sandbox');
    expect([random.int(0, 1_000_000), random.int(0, 1_000_000), random.hex(8)]).toMatchInlineSnapshot(`
      [
        547087,
        461183,
        "c30511cb",
      ]
    `);
  });

  it('draws floats in [0, 1) that are roughly uniform', () => {
    const values = draws(new Random('uniform'), 10_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean).toBeGreaterThan(0.47);
    expect(mean).toBeLessThan(0.53);
  });

  it('draws integers within bounds, reaching both ends', () => {
    const random = new Random('dice');
    const seen = new Set(Array.from({ length: 600 }, () => random.int(1, 6)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(random.int(3, 3)).toBe(3);
    expect(() => random.int(2, 1)).toThrow(RangeError);
    expect(() => random.int(0.5, 1)).toThrow(RangeError);
  });

  it('picks, shuffles and samples without changing the input', () => {
    const random = new Random('cards');
    const items = ['a', 'b', 'c', 'd', 'e'] as const;
    expect(items).toContain(random.pick(items));
    const shuffled = random.shuffle(items);
    expect([...shuffled].sort()).toEqual([...items]);
    expect(items).toEqual(['a', 'b', 'c', 'd', 'e']);
    const sample = random.sample(items, 3);
    expect(new Set(sample).size).toBe(3);
    expect(() => random.pick([])).toThrow('empty');
    expect(() => random.sample(items, 6)).toThrow(RangeError);
  });

  it('draws weighted choices in proportion and never a zero weight', () => {
    const random = new Random('weights');
    const counts = { rare: 0, common: 0, never: 0 };
    for (let i = 0; i < 4000; i += 1) {
      counts[random.weighted([{ value: 'rare', weight: 1 }, { value: 'common', weight: 3 }, { value: 'never', weight: 0 }] as const)] += 1;
    }
    expect(counts.never).toBe(0);
    expect(counts.common / counts.rare).toBeGreaterThan(2.5);
    expect(counts.common / counts.rare).toBeLessThan(3.5);
    expect(() => random.weighted([{ value: 'x', weight: 0 }])).toThrow('positive weight');
  });

  it('draws dates between two bounds, both included', () => {
    const random = new Random('dates');
    for (let i = 0; i < 100; i += 1) {
      const date = random.date('2025-01-01T00:00:00Z', '2025-01-02T00:00:00Z').getTime();
      expect(date).toBeGreaterThanOrEqual(Date.parse('2025-01-01T00:00:00Z'));
      expect(date).toBeLessThanOrEqual(Date.parse('2025-01-02T00:00:00Z'));
    }
    expect(random.date(5, 5).getTime()).toBe(5);
    expect(() => random.date('2025-02-01', '2025-01-01')).toThrow('after');
    expect(() => random.date('not a date', '2025-01-01')).toThrow('not a valid date');
  });

  it('makes hex strings and UUID-shaped ids', () => {
    const random = new Random('ids');
    expect(random.hex(13)).toMatch(/^[0-9a-f]{13}$/);
    expect(random.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('forks independent streams that do not consume the parent', () => {
    const parent = new Random('parent');
    const untouched = new Random('parent');
    const child = parent.fork('users');
    expect(parent.next()).toBe(untouched.next());
    expect(draws(child)).toEqual(draws(new Random('parent').fork('users')));
    expect(draws(new Random('parent').fork('users'))).not.toEqual(draws(new Random('parent').fork('tickets')));
  });
});
