/**
 * A small approximate LRU cache: two generations of Maps. A hit costs one Map lookup
 * (no re-insertion); when the young generation is full it becomes the old one and the
 * previous old one is dropped, so entries not used during a whole generation expire.
 */
export class LruCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const hit = this.young.get(key);
    if (hit !== undefined) return hit;
    const aged = this.old.get(key);
    if (aged !== undefined) this.set(key, aged);
    return aged;
  }

  set(key: K, value: V): void {
    if (this.young.size >= this.capacity) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }

  /** Entries held (at most twice the capacity). */
  get size(): number {
    return this.young.size + this.old.size;
  }
}
