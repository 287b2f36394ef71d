// A map of at most `max` entries that forgets the least recently used first: the records and
// badges kept for lookups, the static files, the drawn tiles and the rate-limit buckets.
//
// A Map iterates in insertion order, so re-inserting a key on use keeps the least recently used
// first. Taking that first key with `map.keys().next()` is the obvious way, and a slow one: V8
// leaves a hole where each deleted entry was until the table is next compacted, and a fresh
// iterator walks over every hole at the front. Evicting from a full map of 20,000 cost 14 µs a
// key that way (0.7 ms for a nearby page's 50 badges). One iterator kept for eviction walks
// over each hole once: every key it has passed was evicted by it, so the next one it yields is
// always the least recently used, and a key touched since was re-inserted behind it.

export class LruMap<K, V> {
  readonly #map = new Map<K, V>();
  #oldest: Iterator<K> = this.#map.keys();

  constructor(readonly max: number) {
    if (!(max >= 1)) throw new RangeError('an LruMap holds at least one entry');
  }

  /** The value, now the most recently used. */
  get(key: K): V | undefined {
    const value = this.#map.get(key);
    if (value !== undefined) {
      this.#map.delete(key);
      this.#map.set(key, value);
    }
    return value;
  }

  /** The value, leaving the order as it was. */
  peek(key: K): V | undefined {
    return this.#map.get(key);
  }

  /** Stores the value as the most recently used, forgetting the least recently used if full. */
  set(key: K, value: V): this {
    this.#map.delete(key);
    this.#map.set(key, value);
    while (this.#map.size > this.max) this.#evict();
    return this;
  }

  delete(key: K): boolean {
    return this.#map.delete(key);
  }

  clear(): void {
    this.#map.clear();
    this.#oldest = this.#map.keys();
  }

  get size(): number {
    return this.#map.size;
  }

  /** Keys, least recently used first. */
  keys(): IterableIterator<K> {
    return this.#map.keys();
  }

  #evict() {
    let next = this.#oldest.next();
    // An iterator that has once said "done" says it for ever, even after new keys arrive.
    if (next.done) {
      this.#oldest = this.#map.keys();
      next = this.#oldest.next();
    }
    if (!next.done) this.#map.delete(next.value);
  }
}
