// Makes the 12,000-image training subset shipped in this folder from
// Debian's full Fashion-MNIST training set. Run once, by hand:
//
//   node_modules/.bin/node data/fashion-mnist/make-train-subset.ts
//
// Draws 12,000 of the 60,000 indices with the book's generator
// (createRng(60000), Fisher–Yates, the first 12,000), sorts them, and
// writes the images and labels at those indices, in that order, in the
// same idx format, gzipped at level 9 by node:zlib (no file name, no
// time stamp in the header). Prints the SHA-256 of both files, which
// README.md records.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { createRng } from '../../code/introduction/random.ts';

const SRC = '/usr/share/datasets/fashion-mnist';
const COUNT = 12_000;
const HERE = 'data/fashion-mnist';

const read = (f: string) => gunzipSync(readFileSync(`${SRC}/${f}`));
const images = read('train-images-idx3-ubyte.gz');
const labels = read('train-labels-idx1-ubyte.gz');
if (images.readUInt32BE(0) !== 0x803 || images.readUInt32BE(4) !== 60000 ||
  labels.readUInt32BE(0) !== 0x801 || labels.readUInt32BE(4) !== 60000) {
  throw new Error('make-train-subset: unexpected idx headers');
}
const order = createRng(60_000).shuffle(
  Array.from({ length: 60_000 }, (_, i) => i));
const picked = order.slice(0, COUNT).sort((a, b) => a - b);

const outImages = Buffer.alloc(16 + COUNT * 784);
outImages.writeUInt32BE(0x803, 0);
outImages.writeUInt32BE(COUNT, 4);
outImages.writeUInt32BE(28, 8);
outImages.writeUInt32BE(28, 12);
const outLabels = Buffer.alloc(8 + COUNT);
outLabels.writeUInt32BE(0x801, 0);
outLabels.writeUInt32BE(COUNT, 4);
picked.forEach((src, k) => {
  const at = 16 + src * 784;
  images.copy(outImages, 16 + k * 784, at, at + 784);
  outLabels[8 + k] = labels[8 + src];
});
for (const [name, buf] of [
  ['train12k-images-idx3-ubyte.gz', outImages],
  ['train12k-labels-idx1-ubyte.gz', outLabels],
] as const) {
  const gz = gzipSync(buf, { level: 9 });
  writeFileSync(`${HERE}/${name}`, gz);
  const sha = createHash('sha256').update(gz).digest('hex');
  console.log(`${name} ${gz.length} bytes sha256 ${sha}`);
}
