import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/**
 * Gzipped size of the JavaScript that index.html loads before any route renders (the entry
 * module and its modulepreloads); route chunks load lazily and are not counted.
 */
export function initialJsGzipBytes(): { bytes: number; files: string[] } | null {
  const indexFile = `${dist}index.html`;
  if (!existsSync(indexFile)) return null;
  const html = readFileSync(indexFile, 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const bytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(dist + file)).length, 0);
  return { bytes, files };
}

export function printInitialJsSize(): void {
  const size = initialJsGzipBytes();
  if (!size) {
    process.stdout.write('  web build not found: run `npm run build` to measure its initial JS\n');
    return;
  }
  const kb = size.bytes / 1000;
  process.stdout.write(
    `  web initial JS (gzip, ${size.files.length} files): ${kb.toFixed(1)} kB (target ≤ 150 kB) ${kb <= 150 ? 'OK' : 'OVER'}\n\n`,
  );
}
