// Writes .br and .gz next to every compressible file of the build, for servers that send
// pre-compressed files (nginx brotli_static, static-web-server, tests/e2e/serve.mjs).
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const COMPRESSIBLE = /\.(html|js|css|wasm|json|md|svg|txt|vtt|ics|xml|atom|webmanifest)$/;

export function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

export const brotli = (data) =>
  brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } });

if (process.argv[1]?.endsWith('compress.mjs')) {
  const dist = process.argv[2] ?? 'dist';
  let count = 0;
  for (const path of walk(dist)) {
    if (!COMPRESSIBLE.test(path)) continue;
    const data = readFileSync(path);
    writeFileSync(path + '.br', brotli(data));
    writeFileSync(path + '.gz', gzipSync(data, { level: 9 }));
    count++;
  }
  console.log(`compressed ${count} files in ${dist}`);
}
