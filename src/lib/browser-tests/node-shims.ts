// The few Node built-ins the chapters' tests and data loaders use, for the
// reader's browser (a Web Worker): a file system that reads the book's
// files from the site (synchronous XHR, allowed in workers) and keeps
// what a test writes in memory, POSIX paths, SHA-256, gunzip/inflate and
// a small Buffer. The build maps `node:fs`, `node:path`, … to these
// (src/lib/browser-tests/compile.ts); a test that needs anything else is
// found at build time and listed as "runs with npm test only".
import inflate from 'tiny-inflate';

/** The book's root as the tests see it; files under it are on the site. */
export const ROOT = '/book';

// ---------------------------------------------------------------- Buffer

const utf8 = new TextDecoder();
const utf8Encode = new TextEncoder();

/** A Uint8Array with the few Buffer methods the book's code calls. */
export class BookBuffer extends Uint8Array {
  override toString(enc = 'utf8'): string {
    if (enc === 'utf8' || enc === 'utf-8') return utf8.decode(this);
    if (enc === 'hex') return hex(this);
    if (enc === 'base64') {
      let s = '';
      for (const b of this) s += String.fromCharCode(b);
      return btoa(s);
    }
    throw new Error(`Buffer.toString: encoding ${enc} is not supported ` +
      'in the browser');
  }
  readUInt32BE(at = 0): number {
    return new DataView(this.buffer, this.byteOffset, this.byteLength)
      .getUint32(at, false);
  }
  override subarray(start?: number, end?: number): BookBuffer {
    return wrap(super.subarray(start, end));
  }
  override slice(start?: number, end?: number): BookBuffer {
    return wrap(Uint8Array.prototype.slice.call(this, start, end));
  }
}

/** The global `Buffer` in the worker: its static methods the tests use. */
export const BufferShim = {
  from(x: unknown, enc?: string): BookBuffer {
    if (typeof x === 'string') {
      if (enc === 'base64') {
        const s = atob(x);
        const b = new BookBuffer(s.length);
        for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
        return b;
      }
      return wrap(utf8Encode.encode(x));
    }
    if (x instanceof ArrayBuffer) return new BookBuffer(x);
    return wrap(Uint8Array.from(x as ArrayLike<number>));
  },
  isBuffer: (x: unknown): boolean => x instanceof BookBuffer,
  alloc: (n: number): BookBuffer => new BookBuffer(n),
  concat(list: readonly Uint8Array[]): BookBuffer {
    const out = new BookBuffer(list.reduce((s, b) => s + b.length, 0));
    let at = 0;
    for (const b of list) { out.set(b, at); at += b.length; }
    return out;
  },
};

function wrap(u: Uint8Array): BookBuffer {
  return new BookBuffer(u.buffer as ArrayBuffer, u.byteOffset, u.byteLength);
}
const hex = (u: Uint8Array) =>
  Array.from(u, (b) => b.toString(16).padStart(2, '0')).join('');

// ------------------------------------------------------------------ path

function normalize(p: string): string {
  const abs = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!abs) out.push('..');
    } else out.push(part);
  }
  const s = out.join('/');
  return abs ? `/${s}` : s || '.';
}

let cwd = ROOT;

export const path = {
  sep: '/',
  normalize,
  join: (...parts: string[]) => normalize(parts.filter(Boolean).join('/')),
  resolve: (...parts: string[]) => {
    let p = cwd;
    for (const part of parts) {
      if (part) p = part.startsWith('/') ? part : `${p}/${part}`;
    }
    return normalize(p);
  },
  dirname: (p: string) => {
    const n = normalize(p);
    const i = n.lastIndexOf('/');
    return i < 0 ? '.' : i === 0 ? '/' : n.slice(0, i);
  },
  basename: (p: string, ext?: string) => {
    const b = normalize(p).split('/').pop() ?? '';
    return ext && b.endsWith(ext) ? b.slice(0, -ext.length) : b;
  },
  extname: (p: string) => {
    const b = path.basename(p);
    const i = b.lastIndexOf('.');
    return i <= 0 ? '' : b.slice(i);
  },
  relative: (from: string, to: string) => {
    const a = path.resolve(from).split('/').filter(Boolean);
    const b = path.resolve(to).split('/').filter(Boolean);
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
  },
  isAbsolute: (p: string) => p.startsWith('/'),
};

// ------------------------------------------------------------------- url

export function fileURLToPath(u: string | URL): string {
  const href = typeof u === 'string' ? u : u.href;
  if (!href.startsWith('file://')) {
    throw new TypeError(`fileURLToPath: not a file URL: ${href}`);
  }
  return decodeURIComponent(new URL(href).pathname);
}

export const pathToFileURL = (p: string) =>
  new URL(`file://${path.resolve(p)}`);

// -------------------------------------------------------------------- fs

/** Reads a file of the book from the site; null if there is none. */
export type Fetcher = (relative: string) => Uint8Array | null;

let fetcher: Fetcher = () => null;
let index: { dirs: Set<string>; files: Set<string> } | null = null;

/**
 * Where files under ROOT come from (the worker: synchronous XHR), and
 * `index.json` there, the folders and files that exist (compile.ts).
 */
export function setFetcher(f: Fetcher): void {
  fetcher = f;
  const bytes = f('index.json');
  if (!bytes) throw new Error('setFetcher: the list of files is missing');
  const { dirs: d, files } = JSON.parse(utf8.decode(bytes)) as
    { dirs: string[]; files: string[] };
  index = { dirs: new Set(d), files: new Set(files) };
}

/** Synchronous GET of `base + relative` (in a worker), or null. */
export function xhrFetcher(base: string): Fetcher {
  return (relative) => {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', base + relative.split('/').map(encodeURIComponent)
      .join('/'), false);
    xhr.responseType = 'arraybuffer';
    try { xhr.send(); } catch { return null; }
    return xhr.status === 200 ? new Uint8Array(xhr.response) : null;
  };
}

const written = new Map<string, BookBuffer>();
const dirs = new Set<string>(['/tmp', ROOT]);
const fetched = new Map<string, BookBuffer | null>();
let tmpCount = 0;

function toPath(p: unknown): string {
  if (p instanceof URL || (typeof p === 'string' && p.startsWith('file:'))) {
    return fileURLToPath(p as string | URL);
  }
  if (typeof p !== 'string') {
    throw new TypeError(`fs: a path must be a string or URL, got ${p}`);
  }
  return path.resolve(p);
}

/** The book's file `p` (relative to ROOT), or null; not a folder. */
const relativeToRoot = (p: string) =>
  p.startsWith(`${ROOT}/`) ? p.slice(ROOT.length + 1) : null;

function isDir(p: string): boolean {
  const rel = relativeToRoot(p);
  return dirs.has(p) || (rel !== null && index !== null && index.dirs.has(rel));
}

function lookup(p: string): BookBuffer | null {
  const w = written.get(p);
  if (w) return w;
  const rel = relativeToRoot(p);
  if (rel === null || (index && !index.files.has(rel))) return null;
  if (!fetched.has(p)) {
    const bytes = fetcher(p.slice(ROOT.length + 1));
    fetched.set(p, bytes ? wrap(bytes) : null);
  }
  return fetched.get(p) ?? null;
}

function fsError(code: string, syscall: string, p: string): Error {
  const what = code === 'EISDIR' ? 'illegal operation on a directory'
    : 'no such file or directory';
  const e = new Error(`${code}: ${what}, ${syscall} '${p}'`) as
    Error & { code: string };
  e.code = code;
  return e;
}

export const fs = {
  readFileSync(p: unknown, opts?: string | { encoding?: string }) {
    const file = toPath(p);
    if (isDir(file)) throw fsError('EISDIR', 'read', file);
    const bytes = lookup(file);
    if (!bytes) throw fsError('ENOENT', 'open', file);
    const enc = typeof opts === 'string' ? opts : opts?.encoding;
    return enc ? bytes.toString(enc) : bytes.slice(); // the caller's copy
  },
  existsSync(p: unknown): boolean {
    const file = toPath(p);
    return isDir(file) || lookup(file) !== null;
  },
  writeFileSync(p: unknown, data: string | Uint8Array): void {
    const file = toPath(p);
    written.set(file, BufferShim.from(data));
  },
  mkdirSync(p: unknown): void { dirs.add(toPath(p)); },
  mkdtempSync(prefix: string): string {
    const d = path.resolve(`${prefix}${(++tmpCount).toString(36)}`);
    dirs.add(d);
    return d;
  },
};

export const os = {
  tmpdir: () => '/tmp', EOL: '\n', platform: () => 'browser',
};

/** A stand-in for `process`: the working directory and an empty env. */
export const process = {
  env: {} as Record<string, string | undefined>,
  cwd: () => cwd,
  chdir: (d: string) => {
    const to = path.resolve(d);
    if (!isDir(to)) {
      throw fsError('ENOENT', 'chdir', to);
    }
    cwd = to;
  },
  platform: 'browser',
  versions: {},
  argv: [] as string[],
};

// ---------------------------------------------------------------- crypto

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
  0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
  0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** SHA-256 of `msg` (FIPS 180-4), as 32 bytes. */
export function sha256(msg: Uint8Array): Uint8Array {
  const n = msg.length;
  const padded = new Uint8Array(((n + 9 + 63) >> 6) << 6);
  padded.set(msg);
  padded[n] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(n / 0x20000000), false);
  view.setUint32(padded.length - 4, (n << 3) >>> 0, false);
  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372,
    0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  const rotr = (x: number, r: number) => (x >>> r) | (x << (32 - r));
  for (let off = 0; off < padded.length; off += 64) {
    for (let t = 0; t < 16; t++) w[t] = view.getUint32(off + 4 * t, false);
    for (let t = 16; t < 64; t++) {
      const a = w[t - 15], b = w[t - 2];
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
      w[t] = (w[t - 16] + s0 + w[t - 7] + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let t = 0; t < 64; t++) {
      const S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + K[t] + w[t]) >>> 0;
      const S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) >>> 0;
      hh = g; g = f; f = e; e = (d + t1) >>> 0;
      d = c; c = b; b = a; a = (t1 + t2) >>> 0;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d;
    h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
  }
  const out = new Uint8Array(32);
  const ov = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) ov.setUint32(4 * i, h[i], false);
  return out;
}

export const crypto = {
  createHash(algorithm: string) {
    if (algorithm !== 'sha256') {
      throw new Error(`createHash: only sha256 runs in the browser, got ` +
        algorithm);
    }
    const parts: Uint8Array[] = [];
    const hash = {
      update(data: string | Uint8Array) {
        parts.push(typeof data === 'string' ? utf8Encode.encode(data) : data);
        return hash;
      },
      digest(enc?: string) {
        const d = wrap(sha256(BufferShim.concat(parts)));
        return enc ? d.toString(enc) : d;
      },
    };
    return hash;
  },
};

// ------------------------------------------------------------------ zlib

/** Raw DEFLATE data, inflated; `size` bounds the output if known. */
function inflateRaw(data: Uint8Array, size: number): BookBuffer {
  return wrap(inflate(data, new Uint8Array(size)));
}

export const zlib = {
  gunzipSync(data: Uint8Array): BookBuffer {
    if (data[0] !== 0x1f || data[1] !== 0x8b) {
      throw new Error('gunzipSync: not gzip data (incorrect header check)');
    }
    const flags = data[3];
    let at = 10;
    const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
    if (flags & 4) at += 2 + dv.getUint16(at, true);
    if (flags & 8) while (data[at++] !== 0);
    if (flags & 16) while (data[at++] !== 0);
    if (flags & 2) at += 2;
    const size = dv.getUint32(data.length - 4, true);
    return inflateRaw(data.subarray(at, data.length - 8), size);
  },
  inflateSync(data: Uint8Array): BookBuffer {
    // zlib: a 2-byte header, raw DEFLATE, an Adler-32; the size is not
    // stored, so the output grows until it holds the data
    for (let size = Math.max(1024, data.length * 4); ; size *= 4) {
      const out = inflateRaw(data.subarray(2, data.length - 4), size);
      if (out.length < size) return out;
    }
  },
};
