import { setFlagsFromString, getHeapStatistics } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { flattened } from '../src/util/flat-string.js';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** A rope of 2,000 pieces, as the DOCX writer joins a table's XML. */
function rope(seed: number): string {
  let xml = '';
  for (let i = 0; i < 2000; i++) xml += `<w:r><w:t>ข้อความ ${i} ${seed}</w:t></w:r>`;
  return xml;
}

/** Bytes of the heap that 60 kept strings from `make` take, after collections. */
function heapKeptBy(make: (seed: number) => string): { bytes: number; kept: string[] } {
  collectGarbage();
  const before = getHeapStatistics().used_heap_size;
  const kept = Array.from({ length: 60 }, (_, seed) => make(seed));
  collectGarbage();
  collectGarbage();
  return { bytes: getHeapStatistics().used_heap_size - before, kept };
}

describe('flattened', () => {
  it('gives the same characters', () => {
    const text = rope(1);
    expect(flattened(text)).toBe(text);
    expect(flattened('')).toBe('');
    expect(flattened('12')).toBe('12');
  });

  it('lets the pieces of a kept rope go: a kept rope of Thai XML takes its characters\' room, not twice that', () => {
    const ropes = heapKeptBy(rope);
    const flat = heapKeptBy((seed) => flattened(rope(seed)));
    const characters = flat.kept.reduce((sum, text) => sum + text.length, 0);
    // Thai makes each string two bytes a character.
    expect(flat.bytes).toBeLessThan(characters * 2 * 1.2);
    expect(ropes.bytes).toBeGreaterThan(characters * 2 * 1.8);
    expect(flat.kept.join('')).toBe(ropes.kept.join(''));
  });
});
