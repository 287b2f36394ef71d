import { describe, expect, it } from 'vitest';
import { LruMap } from '../../src/server/lru-map.ts';

// The bounded map behind every cache and limiter of the service: what it forgets when full.

describe('LruMap', () => {
  it('forgets the least recently used key when full, and a read counts as a use', () => {
    const m = new LruMap<string, number>(3);
    m.set('a', 1).set('b', 2).set('c', 3);
    expect(m.get('a')).toBe(1); // now b is the least recently used
    m.set('d', 4);
    expect([...m.keys()]).toEqual(['c', 'a', 'd']);
    expect(m.peek('b')).toBeUndefined();
    // peek does not count as a use: c stays the oldest and goes next.
    expect(m.peek('c')).toBe(3);
    m.set('e', 5);
    expect([...m.keys()]).toEqual(['a', 'd', 'e']);
    // Setting a key again moves it to the end without growing the map.
    m.set('a', 10);
    expect(m.size).toBe(3);
    expect([...m.keys()]).toEqual(['d', 'e', 'a']);
  });

  it('stays exact through many evictions, deletions and a clear (the eviction iterator is kept between calls)', () => {
    const max = 500;
    const m = new LruMap<number, number>(max);
    // A model of the same map by brute force: an array in least-recently-used order.
    let model: number[] = [];
    const use = (k: number) => {
      model = model.filter((x) => x !== k);
      model.push(k);
      if (model.length > max) model.shift();
    };
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 20_000; i++) {
      const k = rand(2000);
      const op = rand(10);
      if (op < 5) {
        m.set(k, i);
        use(k);
      } else if (op < 8) {
        if (m.get(k) !== undefined) use(k);
      } else {
        m.delete(k);
        model = model.filter((x) => x !== k);
      }
      if (i % 5000 === 4999) {
        m.clear();
        model = [];
      }
      if (i % 997 === 0) expect([...m.keys()]).toEqual(model);
    }
    expect([...m.keys()]).toEqual(model);
    expect(m.size).toBeLessThanOrEqual(max);
  });

  it('keeps working after it was emptied by deletions', () => {
    const m = new LruMap<string, number>(2);
    m.set('a', 1).set('b', 2).set('c', 3); // evicts a
    m.delete('b');
    m.delete('c');
    m.set('d', 4).set('e', 5).set('f', 6); // evicts d
    expect([...m.keys()]).toEqual(['e', 'f']);
  });
});
