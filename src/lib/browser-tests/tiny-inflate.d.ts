// tiny-inflate ships no types: raw DEFLATE `source` inflated into `dest`,
// returned trimmed to the inflated length.
declare module 'tiny-inflate' {
  export default function inflate(
    source: Uint8Array, dest: Uint8Array): Uint8Array;
}
