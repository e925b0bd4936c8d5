// The pixel size of a PNG, from its IHDR chunk: both renderers size images from it.
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Width and height in points: the given ones, or the missing one from the aspect ratio. */
export function imageBox(png: Uint8Array, width?: number, height?: number): { width: number; height: number } {
  const size = pngSize(png);
  if (width !== undefined && height !== undefined) return { width, height };
  if (height !== undefined) return { width: (height * size.width) / size.height, height };
  if (width !== undefined) return { width, height: (width * size.height) / size.width };
  return { width: (size.width * 72) / 96, height: (size.height * 72) / 96 };
}
