// Results of a pure function of one string, kept for the rest of the process:
// the same Thai phrases (names of divisions, headings, the activities) come back
// in every document, and in every organization of a batch.

export interface MemoizedByText<T> {
  (text: string): T;
  /** Keeps `value` as the result for `text`, made elsewhere by the same function. */
  keep(text: string, value: T): void;
}

/** `compute` with its results kept by argument; all are dropped once `max` are kept. */
export function memoizedByText<T>(compute: (text: string) => T, max = 20_000): MemoizedByText<T> {
  const kept = new Map<string, T>();
  const keep = (text: string, value: T) => {
    if (kept.size >= max) kept.clear();
    kept.set(text, value);
  };
  return Object.assign(
    (text: string) => {
      let value = kept.get(text);
      if (value === undefined) keep(text, (value = compute(text)));
      return value;
    },
    { keep },
  );
}
