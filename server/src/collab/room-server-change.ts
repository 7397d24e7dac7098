import * as Y from 'yjs';
import type { RoomDocument } from './room-document';
import type { ServerChange } from './room-options';

/**
 * Applies a change the server makes (a restore) to a room's document as one attributed update:
 * the change is made on a copy, and the difference is applied like any client's update, under a
 * client id of its own bound to the author. If Yjs throws, `applyFailed` hears of it first.
 */
export function applyServerChange(
  document: RoomDocument,
  change: ServerChange,
  applyFailed: (error: unknown) => void,
): void {
  const before = Y.encodeStateVector(document.doc);
  const scratch = new Y.Doc({ gc: true });
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(document.doc));
  change.apply(scratch);
  const update = Y.encodeStateAsUpdate(scratch, before);
  scratch.destroy();
  const owner = document.ownerOf(scratch.clientID);
  if (owner !== undefined && owner !== change.author) {
    throw new RangeError('server client id collision');
  }
  document.bind(scratch.clientID, change.author);
  try {
    document.apply(update, change.author, null);
  } catch (error) {
    applyFailed(error);
    throw error;
  }
}
