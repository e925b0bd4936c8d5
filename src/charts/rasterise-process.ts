// Rasterises charts for the startup snapshot's warm-up (src/snapshot.ts), which
// cannot load resvg's native addon itself. Reads a JSON array of SVG sources on
// standard input and writes a JSON array of their PNGs (base64), made by the same
// function a build uses.
import { text } from 'node:stream/consumers';
import { rasteriseSvg } from './render.js';

const svgs = JSON.parse(await text(process.stdin)) as string[];
const pngs = await Promise.all(svgs.map(rasteriseSvg));
process.stdout.write(JSON.stringify(pngs.map((png) => Buffer.from(png).toString('base64'))));
