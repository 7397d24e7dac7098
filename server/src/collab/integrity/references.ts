import * as Y from 'yjs';
import { RefusalReason } from '@accord/shared';
import type { UpdateView } from './update-view';

/**
 * Whether everything an update refers to exists. Yjs integrates a struct whose origin, right
 * origin or parent it lacks "later", keeping it pending forever and outside every rule, and it
 * applies a delete set to clocks it does not have yet the moment they arrive, erasing words
 * their author has not written. So a reference past the server's state is decided here:
 * the sender's own history that has not arrived yet (its client id, or one nobody claimed)
 * waits; anyone else's is refused.
 */

export type Finding =
  | { kind: 'pending'; detail: string }
  | { kind: 'refuse'; reason: RefusalReason; detail: string };

export interface Claims {
  author: string;
  bindings: ReadonlyMap<number, string>;
}

/** Whether history of `client` may still arrive from this sender. */
function mayStillArrive(client: number, claims: Claims): boolean {
  const owner = claims.bindings.get(client);
  return owner === undefined || owner === claims.author;
}

export function checkReferences(view: UpdateView, claims: Claims): Finding | null {
  let pending: Finding | null = null;
  const missing = (id: Y.ID, what: string): Finding | null => {
    if (mayStillArrive(id.client, claims)) {
      pending ??= {
        kind: 'pending',
        detail: `${what} ${id.client}:${id.clock} has not arrived yet`,
      };
      return null;
    }
    return {
      kind: 'refuse',
      reason: RefusalReason.unknownReference,
      detail: `${what} ${id.client}:${id.clock} is unknown`,
    };
  };
  for (const gap of view.gaps) {
    const found = missing(gap.id, 'the history of client');
    if (found) return found;
  }
  const checkedClients = new Set<number>();
  for (const struct of view.fresh) {
    const client = struct.id.client;
    if (!checkedClients.has(client)) {
      checkedClients.add(client);
      const state = view.state(client);
      // An update that starts past what the server has needs history it never received.
      if (struct.id.clock > state) {
        const found = missing(Y.createID(client, state), 'the history of client');
        if (found) return found;
      }
    }
    if (!(struct instanceof Y.Item)) continue;
    for (const [id, what] of [
      [struct.origin, 'origin'],
      [struct.rightOrigin, 'right origin'],
      [struct.parent instanceof Y.ID ? struct.parent : null, 'parent'],
    ] as const) {
      if (!id) continue;
      if (id.client === client && id.clock >= struct.id.clock) {
        return {
          kind: 'refuse',
          reason: RefusalReason.invalid,
          detail: `struct ${client}:${struct.id.clock} refers to its own future`,
        };
      }
      if (view.locate(id)) continue;
      const found = missing(id, what);
      if (found) return found;
    }
  }
  for (const [client, ranges] of view.ds.clients) {
    const reach = view.reach(client);
    for (const range of ranges) {
      if (range.len < 0 || range.clock + range.len <= reach) continue;
      if (mayStillArrive(client, claims)) {
        pending ??= {
          kind: 'pending',
          detail: `deletes clocks of client ${client} that have not arrived yet`,
        };
        continue;
      }
      return {
        kind: 'refuse',
        reason: RefusalReason.futureDelete,
        detail: `deletes text client ${client} has not written yet`,
      };
    }
  }
  return pending;
}
