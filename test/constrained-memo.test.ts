import { describe, expect, it } from 'vitest';
import { ConstrainedMemo } from '../src/util/constrained-memo.js';

const resolving = (values: Record<string, unknown>) => (property: string) => values[property];

describe('ConstrainedMemo', () => {
  it('gives a kept value back only where every property it read resolves the same', () => {
    const memo = new ConstrainedMemo<string>(100);
    memo.set('ข้อความ', new Map<string, unknown>([['fontSize', 16], ['bold', false]]), 'at 16', 1);
    expect(memo.get('ข้อความ', resolving({ fontSize: 16, bold: false, color: 'red' }))).toBe('at 16');
    expect(memo.get('ข้อความ', resolving({ fontSize: 20, bold: false }))).toBeUndefined();
    expect(memo.get('ข้อความ', resolving({ fontSize: 16 }))).toBeUndefined();
    expect(memo.get('อื่น', resolving({ fontSize: 16, bold: false }))).toBeUndefined();
    expect(memo.stats()).toMatchObject({ hits: 1, misses: 3 });
  });

  it('keeps variants of one key side by side and compares object values by content', () => {
    const memo = new ConstrainedMemo<string>(100);
    memo.set('k', new Map([['fontSize', 16]]), 'small', 1);
    memo.set('k', new Map([['fontSize', 20]]), 'large', 1);
    memo.set('f', new Map<string, unknown>([['fontFeatures', ['liga']]]), 'ligatures', 1);
    expect(memo.get('k', resolving({ fontSize: 20 }))).toBe('large');
    expect(memo.get('k', resolving({ fontSize: 16 }))).toBe('small');
    expect(memo.get('f', resolving({ fontFeatures: ['liga'] }))).toBe('ligatures');
    expect(memo.get('f', resolving({ fontFeatures: ['kern'] }))).toBeUndefined();
  });

  it('drops the least recently used keys first once over its weight, and never keeps what alone is too heavy', () => {
    const memo = new ConstrainedMemo<string>(3);
    const none = new Map<string, unknown>();
    memo.set('a', none, 'A', 1);
    memo.set('b', none, 'B', 1);
    memo.set('c', none, 'C', 1);
    expect(memo.get('a', resolving({}))).toBe('A'); // a is now the most recent
    memo.set('d', none, 'D', 1);
    expect(memo.get('b', resolving({}))).toBeUndefined();
    expect(['a', 'c', 'd'].map((key) => memo.get(key, resolving({})))).toEqual(['A', 'C', 'D']);
    expect(memo.stats().weight).toBe(3);
    memo.set('heavy', none, 'H', 4);
    expect(memo.get('heavy', resolving({}))).toBeUndefined();
    expect(memo.stats().weight).toBe(3);
  });
});
