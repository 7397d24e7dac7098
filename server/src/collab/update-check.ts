import * as Y from 'yjs';
import { RefusalReason } from '@accord/shared';

/**
 * The relay's central decision: may this update enter the document? It is taken before the
 * update touches the room's `Y.Doc`, from the decoded update and a read-only look at the
 * document, because Yjs cannot roll a transaction back. A refused update is refused whole.
 */

export interface UpdateContext {
  doc: Y.Doc;
  /** The participant id the update would be attributed to. */
  author: string;
  canEdit: boolean;
  canSetStatus: boolean;
  locked: boolean;
  /** Client id → participant id, for every client id already claimed. */
  bindings: ReadonlyMap<number, string>;
}

export type UpdateVerdict =
  | { accept: true; empty: true }
  | { accept: true; empty: false; newClients: number[] }
  | { accept: false; reason: RefusalReason; detail: string };

type Struct = Y.Item | Y.GC | Y.Skip;
/** Yjs' delete set, which its typings do not export. */
interface DeleteSet {
  clients: Map<number, { clock: number; len: number }[]>;
}

const refuse = (reason: RefusalReason, detail: string): UpdateVerdict => ({
  accept: false,
  reason,
  detail,
});

/** The store's structs of `client` that overlap `[clock, clock + length)`. */
function* storedStructs(doc: Y.Doc, client: number, clock: number, length: number) {
  const structs = doc.store.clients.get(client);
  if (!structs || structs.length === 0) return;
  const state = Y.getState(doc.store, client);
  if (clock >= state) return;
  let index = Y.findIndexSS(structs, clock);
  for (; index < structs.length; index++) {
    const struct = structs[index]!;
    if (struct.id.clock >= clock + length) return;
    yield struct;
  }
}

function isDeletedBy(ds: DeleteSet, id: Y.ID): boolean {
  return (ds.clients.get(id.client) ?? []).some(
    (range) => id.clock >= range.clock && id.clock < range.clock + range.len,
  );
}

export function checkUpdate(update: Uint8Array, context: UpdateContext): UpdateVerdict {
  let decoded: { structs: Struct[]; ds: DeleteSet };
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return refuse(RefusalReason.invalid, 'the update could not be decoded');
  }
  const { doc } = context;
  // A sync answer that races with other updates may repeat structs the server already has:
  // only structs past the server's state are new, and only new ones name an author.
  const fresh = decoded.structs.filter(
    (s) => !(s instanceof Y.Skip) && s.id.clock + s.length > Y.getState(doc.store, s.id.client),
  );
  // A delete set names everything its sender ever deleted; it changes something only where it
  // deletes what the server still shows.
  const deletions: Y.Item[] = [];
  let deletesUnknown = false;
  for (const [client, ranges] of decoded.ds.clients) {
    for (const range of ranges) {
      if (range.clock + range.len > Y.getState(doc.store, client)) deletesUnknown = true;
      for (const struct of storedStructs(doc, client, range.clock, range.len)) {
        if (struct instanceof Y.Item && !struct.deleted) deletions.push(struct);
      }
    }
  }
  if (fresh.length === 0 && deletions.length === 0 && !deletesUnknown) {
    return { accept: true, empty: true };
  }
  if (!context.canEdit) return refuse(RefusalReason.readOnly, 'this participant may only read');
  if (context.locked) return refuse(RefusalReason.locked, 'the document is locked');

  const newClients: number[] = [];
  const seen = new Set<number>();
  for (const struct of fresh) {
    const client = struct.id.client;
    if (seen.has(client)) continue;
    seen.add(client);
    // An update that starts past what the server has needs history the server never received.
    if (struct.id.clock > Y.getState(doc.store, client)) {
      return refuse(RefusalReason.missingHistory, `client ${client} skips history`);
    }
    const owner = context.bindings.get(client);
    if (owner === undefined) newClients.push(client);
    else if (owner !== context.author) {
      return refuse(RefusalReason.foreignClient, `client ${client} belongs to another participant`);
    }
  }

  if (!context.canSetStatus) {
    const problem = statusChange(fresh, deletions, decoded.ds, doc);
    if (problem) return refuse(RefusalReason.statusNotAllowed, problem);
  }
  return { accept: true, empty: false, newClients };
}

/**
 * Whether the update sets or removes a paragraph's `status` (a chair's act). A new paragraph
 * may carry `status: "pending"`; deleting a whole paragraph removes its status with it.
 */
function statusChange(
  fresh: Struct[],
  deletions: Y.Item[],
  ds: DeleteSet,
  doc: Y.Doc,
): string | null {
  const freshById = new Map<string, Y.Item>();
  for (const s of fresh) if (s instanceof Y.Item) freshById.set(`${s.id.client}:${s.id.clock}`, s);
  const lookup = (id: Y.ID): Y.Item | null => {
    const local = freshById.get(`${id.client}:${id.clock}`);
    if (local) return local;
    if (id.clock >= Y.getState(doc.store, id.client)) return null;
    const stored = Y.getItem(doc.store, id);
    return stored instanceof Y.Item ? stored : null;
  };
  // Decoded items written after a sibling carry no parent info: it is their origin's.
  const keyOf = (item: Y.Item, depth = 0): { key: string | null; parentIsNew: boolean } => {
    if (item.parentSub !== null || depth > 64 || !item.origin) {
      const parent = item.parent;
      const parentId = parent instanceof Y.ID ? parent : null;
      const parentIsNew = parentId ? freshById.has(`${parentId.client}:${parentId.clock}`) : false;
      return { key: item.parentSub, parentIsNew };
    }
    const origin = lookup(item.origin);
    if (!origin) return { key: null, parentIsNew: false };
    if (freshById.has(`${origin.id.client}:${origin.id.clock}`)) return keyOf(origin, depth + 1);
    // A stored sibling: same key, and its parent already exists.
    return { key: origin.parentSub, parentIsNew: false };
  };
  for (const struct of fresh) {
    if (!(struct instanceof Y.Item)) continue;
    const { key, parentIsNew } = keyOf(struct);
    if (key !== 'status') continue;
    const value: unknown = struct.content.getContent()[0];
    if (!parentIsNew || value !== 'pending') return 'only a chair may set a paragraph status';
  }
  for (const item of deletions) {
    if (item.parentSub !== 'status') continue;
    const element = (item.parent as Y.AbstractType<unknown> | null)?._item;
    if (element && !isDeletedBy(ds, element.id) && !element.deleted) {
      return 'only a chair may change a paragraph status';
    }
  }
  return null;
}
