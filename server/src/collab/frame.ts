/**
 * A WebSocket binary frame as a server sends it (RFC 6455 §5.2: FIN, opcode 2, unmasked),
 * header and payload in one buffer. The relay frames each message once and writes the same
 * bytes to every peer, instead of `ws` framing it again for each of them.
 */
export function binaryFrame(payload: Uint8Array): Buffer {
  const length = payload.byteLength;
  const header = length < 126 ? 2 : length < 65536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(header + length);
  frame[0] = 0x82;
  if (length < 126) {
    frame[1] = length;
  } else if (length < 65536) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  frame.set(payload, header);
  return frame;
}

const framed = new WeakMap<Uint8Array, Buffer>();

/** The frame of a message, made the first time it is sent and shared by every recipient. */
export function sharedFrame(message: Uint8Array): Buffer {
  let frame = framed.get(message);
  if (!frame) {
    frame = binaryFrame(message);
    framed.set(message, frame);
  }
  return frame;
}

const framedTogether = new WeakMap<readonly Uint8Array[], Buffer>();

/**
 * The frames of several messages back to back in one buffer, made once per array and shared by
 * every recipient given the same array: one plain write per peer. A corked pair of writes
 * becomes a `writev`, which costs a peer twice what one write of the joined bytes does.
 */
export function sharedFrames(messages: readonly Uint8Array[]): Buffer {
  let frames = framedTogether.get(messages);
  if (!frames) {
    frames =
      messages.length === 1
        ? sharedFrame(messages[0]!)
        : Buffer.concat(messages.map((message) => sharedFrame(message)));
    framedTogether.set(messages, frames);
  }
  return frames;
}
