/** JPEG bytes for the photo tests (unit and e2e): no image library needed. */

const u16 = (n: number): number[] => [(n >> 8) & 0xff, n & 0xff];
const segment = (marker: number, payload: readonly number[]): number[] => [0xff, marker, ...u16(payload.length + 2), ...payload];

/**
 * A real, decodable baseline JPEG: one grey component, every 8×8 block flat mid-grey (DC
 * difference 0, then end-of-block, one 1-bit Huffman code each). `padTo` adds a comment segment
 * so the file has that many bytes.
 */
export function greyJpeg(width: number, height: number, padTo?: number): Uint8Array<ArrayBuffer> {
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  const bits = blocks * 2;
  const scan = new Array<number>(Math.ceil(bits / 8)).fill(0);
  // Fill the last byte's unused bits with ones, as T.81 F.1.2.3 asks.
  const spare = scan.length * 8 - bits;
  if (spare > 0) scan[scan.length - 1] = (1 << spare) - 1;
  const head = [
    0xff, 0xd8,
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...segment(0xdb, [0x00, ...new Array<number>(64).fill(1)]),
    ...segment(0xc0, [8, ...u16(height), ...u16(width), 1, 1, 0x11, 0]),
    ...segment(0xc4, [0x00, 1, ...new Array<number>(15).fill(0), 0x00]),
    ...segment(0xc4, [0x10, 1, ...new Array<number>(15).fill(0), 0x00]),
  ];
  const tail = [...segment(0xda, [1, 1, 0x00, 0, 63, 0]), ...scan, 0xff, 0xd9];
  const size = head.length + tail.length;
  const comment = padTo === undefined ? [] : segment(0xfe, new Array<number>(Math.max(0, padTo - size - 4)).fill(0x20));
  return new Uint8Array([...head, ...comment, ...tail]);
}
