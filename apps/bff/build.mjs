// Bundles the BFF and the workspace packages it imports (TypeScript source) into one file;
// third-party packages stay external and load from node_modules.
import { build } from 'esbuild';
import { copyFileSync, readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies).filter((name) => !name.startsWith('@rolebridge/'));

await build({
  entryPoints: [new URL('./src/main.ts', import.meta.url).pathname],
  outfile: new URL('./dist/main.js', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external,
  logLevel: 'warning',
});
// A worker thread loads its file by path: the checkpoint worker goes next to the bundle.
copyFileSync(
  new URL('./src/db/checkpoint-worker.mjs', import.meta.url),
  new URL('./dist/checkpoint-worker.mjs', import.meta.url),
);
