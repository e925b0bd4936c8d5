// npm start's first step. npm ci compiles km-docs and makes its startup snapshot;
// after that a start recompiles only when a source file is newer than the compiled
// CLI (a developer's edit: clerks change data/, never code) and remakes the
// snapshot only when its inputs changed (scripts/snapshot/build.mjs keeps a stamp).
// Starting TypeScript alone takes ~5 s, which every `npm start` used to pay.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const compiled = join(root, 'dist', 'cli.js');

/** The latest modification time of a file, or of any file below a folder. */
function newest(path) {
  if (!statSync(path).isDirectory()) return statSync(path).mtimeMs;
  const files = readdirSync(path, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return Math.max(0, ...files.map((entry) => statSync(join(entry.parentPath, entry.name)).mtimeMs));
}

function run(script, args = []) {
  const result = spawnSync(process.execPath, [script, ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const sourcesChanged = !existsSync(compiled) || Math.max(newest(join(root, 'src')), newest(join(root, 'tsconfig.json'))) > statSync(compiled).mtimeMs;
if (sourcesChanged) run(join(root, 'node_modules', 'typescript', 'bin', 'tsc'), ['-p', '.']);
run(join(root, 'scripts', 'snapshot', 'build.mjs'));
