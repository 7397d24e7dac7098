import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { BODY_FIELD, COLLAB_PATH } from '@accord/shared';

/** A stock y-websocket client in Node, as any Yjs program would connect. */
export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Close events seen (code), in order. */
  closes: number[];
  destroy(): void;
}

export function connectClient(
  wsUrl: string,
  documentId: string,
  token: string,
  options: { doc?: Y.Doc; connect?: boolean } = {},
): Client {
  const doc = options.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(`${wsUrl}${COLLAB_PATH}`, documentId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // Providers in one process would otherwise sync over BroadcastChannel, without the server.
    disableBc: true,
    connect: options.connect ?? true,
    maxBackoffTime: 200,
  });
  const closes: number[] = [];
  provider.on('connection-close', (event) => {
    if (event) closes.push(event.code);
  });
  return {
    doc,
    provider,
    closes,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export function whenSynced(client: Client): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return new Promise((resolve) => {
    const onSync = (synced: boolean) => {
      if (!synced) return;
      client.provider.off('sync', onSync);
      resolve();
    };
    client.provider.on('sync', onSync);
  });
}

export function body(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(BODY_FIELD);
}

/** The text of every top-level block, in order. */
export function blockTexts(doc: Y.Doc): string[] {
  return body(doc)
    .toArray()
    .map((node) =>
      node instanceof Y.XmlElement
        ? node
            .toArray()
            .map((child) => (child instanceof Y.XmlText ? plain(child) : ''))
            .join('')
        : '',
    );
}

/** The characters of a text node, formatting left out. */
export function plain(text: Y.XmlText): string {
  return (text.toDelta() as { insert?: unknown }[])
    .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('');
}

/** Appends an operative paragraph as the editor would (an element holding a text node). */
export function appendOperative(doc: Y.Doc, id: string, text: string): Y.XmlText {
  const element = new Y.XmlElement('operative');
  element.setAttribute('id', id);
  element.setAttribute('status', 'pending');
  const content = new Y.XmlText();
  content.insert(0, text);
  element.insert(0, [content]);
  body(doc).push([element]);
  return content;
}

/** The text node of the operative paragraph with the given id. */
export function operativeText(doc: Y.Doc, id: string): Y.XmlText {
  for (const node of body(doc).toArray()) {
    if (node instanceof Y.XmlElement && node.getAttribute('id') === id) {
      const text = node.get(0);
      if (text instanceof Y.XmlText) return text;
    }
  }
  throw new Error(`no paragraph ${id}`);
}
