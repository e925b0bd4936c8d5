// A value made on first use. km-docs makes its Intl formatters and segmenters
// this way: a command that never formats a date does not build the formatter,
// and the V8 startup snapshot (src/snapshot.ts) can forget them before it is
// written (ICU objects cannot be serialized: `node --build-snapshot` aborts on them).

const forgetters = new Set<() => void>();

/** `make()` on the first call, the same value on every later one. */
export function once<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  forgetters.add(() => {
    value = undefined;
    made = false;
  });
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}

/** Every value made by `once` is made again on its next use. */
export function forgetOnceValues(): void {
  for (const forget of forgetters) forget();
}
