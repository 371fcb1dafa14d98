// Reading idx files (the MNIST format), gunzipped and checked. Node
// only (fs, zlib, crypto): never import this file into browser code.
import { gunzipSync } from 'node:zlib';
import { dataPath, readVerified } from '../calculus/data-file.ts';
import { Matrix } from '../linear-algebra/matrix.ts';

// #region idx
/** An idx file of unsigned bytes: its sizes and its bytes, in order. */
export interface Idx {
  readonly dims: number[];
  readonly data: Uint8Array;
}

/**
 * Parses an (already gunzipped) idx file: a big-endian header, magic
 * number 0x0000080D (0x08: unsigned bytes; D: how many dimensions),
 * then D sizes of 4 bytes each, then the bytes themselves.
 */
export function parseIdx(bytes: Uint8Array, dims: number): Idx {
  checkIdxArgs('parseIdx', bytes, dims);
  const view = new DataView(bytes.buffer, bytes.byteOffset,
    bytes.byteLength);
  const magic = view.getUint32(0);
  if (magic !== 0x800 + dims) {
    throw new Error(`parseIdx: magic number 0x${hex(magic)}, expected ` +
      `0x${hex(0x800 + dims)} (unsigned bytes, ${dims} dimensions)`);
  }
  const sizes: number[] = [];
  let count = 1;
  for (let k = 0; k < dims; k++) {
    sizes.push(view.getUint32(4 + 4 * k));
    count *= sizes[k];
  }
  const start = 4 + 4 * dims;
  if (bytes.length - start !== count) {
    throw new Error(`parseIdx: sizes ${sizes.join(' x ')} need ` +
      `${count} bytes of data, the file has ${bytes.length - start}`);
  }
  return { dims: sizes, data: bytes.subarray(start) };
}
// #endregion

function hex(x: number): string {
  return x.toString(16).padStart(8, '0');
}

function checkIdxArgs(fn: string, bytes: Uint8Array, dims: number) {
  if (!(bytes instanceof Uint8Array)) {
    throw new Error(`${fn}: bytes must be a Uint8Array`);
  }
  if (!Number.isInteger(dims) || dims < 1 || dims > 4) {
    throw new Error(`${fn}: dims must be an integer in 1..4, got ${dims}`);
  }
  if (bytes.length < 4 + 4 * dims) {
    throw new Error(`${fn}: bytes holds ${bytes.length} bytes, fewer ` +
      `than the ${4 + 4 * dims}-byte header`);
  }
}

// #region load-fashion
/** SHA-256 of the two files in data/fashion-mnist/, as in its README. */
export const FASHION_SHA256 = {
  images:
    'cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa',
  labels:
    '8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05',
};

export const FASHION_CLASSES = ['T-shirt/top', 'trouser', 'pullover',
  'dress', 'coat', 'sandal', 'shirt', 'sneaker', 'bag', 'ankle boot'];

/**
 * The first `count` of the 10,000 Fashion-MNIST test images: X holds
 * one image a row, 784 pixels scaled to [0, 1]; y the class 0..9.
 */
export function loadFashionMnist(count = 10000) {
  if (!Number.isInteger(count) || count < 1 || count > 10000) {
    throw new Error('loadFashionMnist: count must be an integer in ' +
      `1..10000, got ${count}`);
  }
  const images = readIdx(FASHION_SHA256.images, 3,
    'data/fashion-mnist/t10k-images-idx3-ubyte.gz');
  const labels = readIdx(FASHION_SHA256.labels, 1,
    'data/fashion-mnist/t10k-labels-idx1-ubyte.gz');
  const [n, h, w] = images.dims;
  if (n !== 10000 || h !== 28 || w !== 28 || labels.dims[0] !== n) {
    throw new Error('loadFashionMnist: unexpected sizes ' +
      `${images.dims.join('x')} and ${labels.dims.join('x')}`);
  }
  const X = new Matrix(count, h * w);
  for (let i = 0; i < count * h * w; i++) {
    X.data[i] = images.data[i] / 255;
  }
  const y = Int32Array.from(labels.data.subarray(0, count));
  return { X, y, side: h };
}

function readIdx(sha256: string, dims: number, file: string): Idx {
  const bytes = readVerified('loadFashionMnist', dataPath(file), sha256,
    'data/fashion-mnist/README.md');
  return parseIdx(new Uint8Array(gunzipSync(bytes)), dims);
}
// #endregion
