#!/usr/bin/env node
// Static server for the page, no dependencies.
//
//   node scripts/serve.mjs            web/ at /, wasm/js/ at /wasm/js/   (PORT env or 8080; a free port if taken)
//   node scripts/serve.mjs --dist     builds dist/ (scripts/build-static.mjs) and serves it at /
//   node scripts/serve.mjs --dist --no-build   serves an existing dist/
//
// Every response carries the page's Content-Security-Policy, so what works here works under the same policy
// anywhere the page is deployed. Listens on 127.0.0.1 only: nothing is exposed to the network.
//
// wasm/js/ is served at /wasm/js/ so that the page's relative URLs (web/js/analyzer-worker.js imports
// '../../wasm/js/index.js') mean the same thing here as on disk and in the installed npm package: a URL's `..`
// stops at the root, so /js/../../wasm/js/index.js is /wasm/js/index.js.
//
// Tests import it: `const { url, close } = await startServer({ port: 0 })`.
import { createServer } from 'node:http';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'";

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

// Hashed build outputs (name.0123abcd.ext) never change, so browsers may keep them for good.
const HASHED = /\.[0-9a-f]{8}\.[a-z0-9]+$/;

export function contentType(file) {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path to a file below one of the mounts, or null. Refuses anything that would leave the mount
 * (`..`, encoded or not), dot-files and NUL bytes.
 */
function resolveFile(mounts, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  for (const [prefix, dir] of mounts) {
    if (!decoded.startsWith(prefix)) continue;
    const rest = decoded.slice(prefix.length);
    if (rest.split('/').some((part) => part.startsWith('.'))) return null;
    const file = path.resolve(dir, rest);
    if (file !== dir && !file.startsWith(dir + path.sep)) return null;
    return file;
  }
  return null;
}

function baseHeaders(extra = {}) {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    ...extra,
  };
}

function sendText(res, status, text, extra = {}) {
  const body = Buffer.from(text + '\n', 'utf8');
  res.writeHead(status, baseHeaders({ 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': body.length, ...extra }));
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

async function serveFile(req, res, file) {
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    // Directories are served through their index.html, and only with a trailing slash so that relative
    // references resolve the same way they would on any static host.
    const url = new URL(req.url, 'http://x');
    if (!url.pathname.endsWith('/')) {
      res.writeHead(301, baseHeaders({ Location: url.pathname + '/' + url.search }));
      return res.end();
    }
    file = path.join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) return sendText(res, 404, 'Not found');

  const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers = baseHeaders({
    'Content-Type': contentType(file),
    'Content-Length': info.size,
    'Cache-Control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
    ETag: etag,
  });
  if (req.headers['if-none-match'] === etag) {
    delete headers['Content-Length'];
    res.writeHead(304, headers);
    return res.end();
  }
  res.writeHead(200, headers);
  if (req.method === 'HEAD') return res.end();
  const handle = await open(file);
  const stream = handle.createReadStream();
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    const onError = (err) => {
      server.off('listening', onListening);
      reject(err);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/**
 * Starts the server.
 * @param {object} [options]
 * @param {number} [options.port]  port to try first; 0 (or a port that is taken) gives a free one. Default 8080.
 * @param {string} [options.root]  folder served at `/`, as it is. Default web/ (or dist/ with `dist: true`).
 * @param {string|null} [options.wasm]  folder served at `/wasm/js/`. Default wasm/js/ when serving web/; none
 *   with `dist: true` or a `root` of one's own (a static build or an app folder holds its own copy).
 * @param {boolean} [options.dist]  serve the static build (dist/) instead of the sources.
 * @param {string} [options.host]  default 127.0.0.1.
 * @returns {Promise<{url: string, port: number, close: () => Promise<void>}>}
 */
export async function startServer(options = {}) {
  const host = options.host ?? '127.0.0.1';
  const dist = options.dist ?? false;
  const root = path.resolve(options.root ?? path.join(repo, dist ? 'dist' : 'web'));
  const wasm = options.wasm !== undefined ? options.wasm : dist || options.root ? null : path.join(repo, 'wasm', 'js');
  // Longest prefix first.
  const mounts = [];
  if (wasm) mounts.push(['/wasm/js/', path.resolve(wasm)]);
  mounts.push(['/', root]);

  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    const pathname = new URL(req.url, 'http://x').pathname;
    const file = resolveFile(mounts, pathname);
    if (!file) return sendText(res, 404, 'Not found');
    serveFile(req, res, file).catch((err) => {
      if (!res.headersSent) sendText(res, 500, 'Internal error');
      else res.destroy(err);
    });
  });
  // Keep-alive sockets would hold close() open for seconds after a test.
  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const wanted = options.port ?? 8080;
  try {
    await listen(server, wanted, host);
  } catch (err) {
    if (err.code !== 'EADDRINUSE' || wanted === 0) throw err;
    await listen(server, 0, host);
  }
  const { port } = server.address();
  return {
    url: `http://${host}:${port}/`,
    port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function main(argv) {
  const dist = argv.includes('--dist');
  if (dist && !argv.includes('--no-build')) {
    const { buildStatic } = await import('./build-static.mjs');
    const { outDir, files } = await buildStatic();
    console.log(`article-analyzer: built ${files.length} files into ${path.relative(process.cwd(), outDir) || '.'}`);
  }
  const envPort = process.env.PORT !== undefined && process.env.PORT !== '' ? Number(process.env.PORT) : 8080;
  if (!Number.isInteger(envPort) || envPort < 0 || envPort > 65535) throw new Error(`PORT must be a port number, got ${process.env.PORT}`);
  const server = await startServer({ port: envPort, dist });
  if (server.port !== envPort && envPort !== 0) console.log(`article-analyzer: port ${envPort} is taken, using ${server.port}`);
  console.log(`article-analyzer: serving ${dist ? 'dist/' : 'web/ and wasm/js/ (at /wasm/js/)'} on ${server.url}  (Ctrl+C stops)`);
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((err) => {
    console.error(`article-analyzer: ${err.message}`);
    process.exit(1);
  });
}
