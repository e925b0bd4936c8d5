// Numbers in SVG markup: two decimals of a point (1/7,200 inch) are finer than any
// picture km-docs draws, and the shorter source parses faster.

/** `n` rounded to two decimals, written without trailing zeros. */
export const svgNumber = (n: number): number => +n.toFixed(2);
