// A string built by `+=` is, in V8, a rope: a tree of the pieces it was joined
// from, each piece an object of its own. That is cheap while it is being built, but
// a rope kept for long (a cache of written XML) keeps all of its pieces: a DOCX
// table's XML is ~10,000 of them, which every young collection that finds it copies
// and every full collection marks. In a batch, the DOCX blocks kept by their
// content were 30 MB of the heap, 540,000 of its objects ropes' pieces.

/**
 * `text` as one flat string, for keeping. V8 flattens a rope in place when it needs
 * its characters in one piece, as converting it to a number does; the pieces are
 * then garbage. The same characters: only how V8 holds them changes
 * (test/flat-string.test.ts measures that it does).
 */
export function flattened(text: string): string {
  Number(text);
  return text;
}
