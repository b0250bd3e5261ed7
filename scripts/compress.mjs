// Writes .br and .gz next to every compressible file of the build, for servers that send
// pre-compressed files (nginx brotli_static, static-web-server, tests/e2e/serve.mjs).
// Brotli at quality 11 is most of a large build's time (35,000 pages at EU scale), so the
// files are shared among one worker per core, and a file whose siblings are newer than it
// is left alone: the content build and the pre-renderer do not rewrite unchanged files,
// so a rebuild after one change compresses what changed.
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const COMPRESSIBLE = /\.(html|js|css|wasm|json|md|svg|txt|vtt|ics|xml|atom|webmanifest)$/;

export function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

export const brotli = (data, quality = 11) =>
  brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } });

// Pages and data at quality 10: measured on a 17 KB guide page, 7.6 ms and 1.6 % larger
// than quality 11's 21.7 ms, which made compression most of an EU-wide build. The app's
// hashed files, which every voter downloads, keep quality 11.
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;
const quality = (path) => (HASHED.test(path) ? 11 : 10);

const mtime = (path) => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
};
const upToDate = (path) => {
  const source = mtime(path);
  return mtime(path + '.br') >= source && mtime(path + '.gz') >= source;
};

function compress(paths) {
  for (const path of paths) {
    const data = readFileSync(path);
    writeFileSync(path + '.br', brotli(data, quality(path)));
    writeFileSync(path + '.gz', gzipSync(data, { level: 9 }));
  }
}

if (!isMainThread && workerData?.compress) {
  compress(workerData.compress);
  parentPort.postMessage('done');
} else if (process.argv[1]?.endsWith('compress.mjs')) {
  const dist = process.argv[2] ?? 'dist';
  const all = [...walk(dist)].filter((path) => COMPRESSIBLE.test(path));
  const todo = all.filter((path) => !upToDate(path));
  const workers = Math.min(availableParallelism(), Math.ceil(todo.length / 64)) || 1;
  await Promise.all(
    Array.from({ length: workers }, (_, i) =>
      new Promise((resolve, reject) => {
        const worker = new Worker(new URL(import.meta.url), { workerData: { compress: todo.filter((_, n) => n % workers === i) } });
        worker.on('message', resolve);
        worker.on('error', reject);
      }),
    ),
  );
  console.log(`compressed ${todo.length} files in ${dist} (${all.length - todo.length} already were)`);
}
