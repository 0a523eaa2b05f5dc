// OP_COMPRESSED wraps another message. devdb offers zlib (and accepts noop); a reply to a
// compressed request is compressed the same way, as MongoDB does.
import zlib from 'node:zlib';
import { HEADER_BYTES, MAX_MESSAGE_SIZE_BYTES, OP_COMPRESSED, ProtocolError } from './opcodes';

export const COMPRESSOR_NOOP = 0;
export const COMPRESSOR_ZLIB = 2;

export interface Unwrapped {
  opCode: number;
  body: Buffer;
  compressor: number;
}

export function unwrapCompressed(body: Buffer): Unwrapped {
  if (body.length < 9) throw new ProtocolError('OP_COMPRESSED too short');
  const opCode = body.readInt32LE(0);
  const size = body.readInt32LE(4);
  const compressor = body[8];
  if (size < 0 || size > MAX_MESSAGE_SIZE_BYTES) throw new ProtocolError('OP_COMPRESSED size out of bounds');
  const payload = body.subarray(9);
  let inflated: Buffer;
  if (compressor === COMPRESSOR_NOOP) inflated = payload;
  else if (compressor === COMPRESSOR_ZLIB)
    inflated = zlib.inflateSync(payload, { maxOutputLength: MAX_MESSAGE_SIZE_BYTES });
  else throw new ProtocolError(`unsupported compressor id ${compressor}`);
  if (inflated.length !== size) throw new ProtocolError('OP_COMPRESSED size mismatch');
  return { opCode, body: inflated, compressor };
}

/** Re-wraps a complete encoded message (header included) into OP_COMPRESSED. */
export function wrapCompressed(message: Buffer, compressor: number): Buffer {
  const inner = message.subarray(HEADER_BYTES);
  const payload = compressor === COMPRESSOR_ZLIB ? zlib.deflateSync(inner) : inner;
  const out = Buffer.alloc(HEADER_BYTES + 9 + payload.length);
  out.writeInt32LE(out.length, 0);
  message.copy(out, 4, 4, 12); // requestID, responseTo
  out.writeInt32LE(OP_COMPRESSED, 12);
  out.writeInt32LE(message.readInt32LE(12), 16);
  out.writeInt32LE(inner.length, 20);
  out[24] = compressor;
  payload.copy(out, 25);
  return out;
}
