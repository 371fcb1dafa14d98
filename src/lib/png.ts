// A grey-scale image as a PNG data URL, for Plot.image marks: figures
// that show pictures (a rank-k approximation, an eigen-image).
import { crc32, deflateSync } from 'node:zlib';

/** Row-major grey levels, as the book's Matrix holds them. */
export interface GreyImage {
  readonly rows: number;
  readonly cols: number;
  readonly data: ArrayLike<number>;
}

/** A grey-scale PNG (8 bits, values clamped to [0, 1]) as a data URL. */
export function pngDataUrl(A: GreyImage): string {
  const { rows: h, cols: w } = A;
  const raw = Buffer.alloc(h * (w + 1)); // filter byte 0 per row
  for (let i = 0; i < h; i++) {
    for (let j = 0; j < w; j++) {
      const g = Math.min(1, Math.max(0, A.data[i * w + j]));
      raw[i * (w + 1) + 1 + j] = Math.round(255 * g);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grey scale
  const png = Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return `data:image/png;base64,${png.toString('base64')}`;
}

