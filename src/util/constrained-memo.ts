// Results kept with the inputs they read, as Typst's comemo keeps them: an entry
// is found by its key (the content) and reused only where every property its
// computation looked up resolves the same now. Nothing has to list in advance
// which properties matter: whatever was read is what is checked.

/** Looks up one named input (a style property, say) as it is now. */
export type Resolve = (property: string) => unknown;

interface Entry<V> {
  reads: [property: string, value: unknown][];
  value: V;
  weight: number;
}

export interface MemoStats {
  hits: number;
  misses: number;
  /** The summed weight of what is kept. */
  weight: number;
}

export class ConstrainedMemo<V> {
  /** In order of last use, oldest first (a Map keeps insertion order). */
  private readonly entries = new Map<string, Entry<V>[]>();
  private weight = 0;
  private hits = 0;
  private misses = 0;

  /** Keeps at most `maxWeight` (in the callers' unit), dropping the least recently used first. */
  constructor(private readonly maxWeight: number) {}

  /** The value kept for `key` whose every read resolves the same by `resolve`. */
  get(key: string, resolve: Resolve): V | undefined {
    const variants = this.entries.get(key);
    const entry = variants?.find((candidate) => candidate.reads.every(([property, value]) => sameValue(resolve(property), value)));
    if (!entry) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.entries.delete(key);
    this.entries.set(key, variants!);
    return entry.value;
  }

  set(key: string, reads: ReadonlyMap<string, unknown>, value: V, weight: number): void {
    if (weight > this.maxWeight) return;
    const variants = this.entries.get(key) ?? [];
    this.entries.delete(key);
    this.entries.set(key, [...variants, { reads: [...reads], value, weight }]);
    this.weight += weight;
    for (const [oldest, dropped] of this.entries) {
      if (this.weight <= this.maxWeight) break;
      this.entries.delete(oldest);
      for (const entry of dropped) this.weight -= entry.weight;
    }
  }

  stats(): MemoStats {
    return { hits: this.hits, misses: this.misses, weight: this.weight };
  }

  clear(): void {
    this.entries.clear();
    this.weight = 0;
  }
}

/** Style values are primitives, or small arrays and objects (a font's features, a colour). */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  return typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b);
}
