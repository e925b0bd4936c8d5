// A value made on first use. km-docs makes its Intl formatters and segmenters
// this way: a command that never formats a date does not build the formatter,
// and a module that holds no ICU object yet can go into a V8 startup snapshot
// (ICU objects cannot: `node --build-snapshot` aborts on them).

/** `make()` on the first call, the same value on every later one. */
export function once<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}
