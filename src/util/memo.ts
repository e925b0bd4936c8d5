// Results of a pure function of one string, kept for the rest of the process:
// the same Thai phrases (names of divisions, headings, the activities) come back
// in every document, and in every organization of a batch.

/** `compute` with its results kept by argument; all are dropped once `max` are kept. */
export function memoizedByText<T>(compute: (text: string) => T, max = 20_000): (text: string) => T {
  const kept = new Map<string, T>();
  return (text) => {
    let value = kept.get(text);
    if (value === undefined) {
      value = compute(text);
      if (kept.size >= max) kept.clear();
      kept.set(text, value);
    }
    return value;
  };
}
