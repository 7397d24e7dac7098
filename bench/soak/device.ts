import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { BODY_FIELD, COLLAB_PATH } from '@accord/shared';

/**
 * One delegate's device in the soak: a stock y-websocket provider that keeps a paragraph of its
 * own and types words into it while it is in sync. It may leave for a moment (Wi-Fi drops) or
 * for good (the laptop closes), and a new device may take its place with nothing in it.
 */
export class Device {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** Words this device typed while in sync with the server, in order. */
  readonly typed: string[] = [];
  private count = 0;

  constructor(
    wsBase: string,
    readonly documentId: string,
    token: string,
    /** This device's paragraph id and word prefix: `d3c7`. */
    readonly name: string,
    doc?: Y.Doc,
  ) {
    this.doc = doc ?? new Y.Doc();
    this.provider = new WebsocketProvider(`${wsBase}${COLLAB_PATH}`, documentId, this.doc, {
      params: { token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      // Devices in one process would otherwise sync over BroadcastChannel, without the server.
      disableBc: true,
      maxBackoffTime: 1000,
    });
  }

  get synced(): boolean {
    return this.provider.wsconnected && this.provider.synced;
  }

  /** Types the next word at the end of this device's paragraph, adding the paragraph if new. */
  typeWord(): void {
    if (!this.synced) return;
    const word = `${this.name}w${this.count++}`;
    this.doc.transact(() => {
      const text = this.paragraph();
      text.insert(text.length, ` ${word}`);
    });
    this.typed.push(word);
  }

  /** Drops off the network, keeping its copy. */
  leave(): void {
    this.provider.disconnect();
  }

  rejoin(): void {
    this.provider.connect();
  }

  /** The laptop closes: the connection and the provider go; the Y.Doc may be reused. */
  close(): void {
    this.provider.destroy();
  }

  private paragraph(): Y.XmlText {
    const body = this.doc.getXmlFragment(BODY_FIELD);
    for (const node of body.toArray()) {
      if (node instanceof Y.XmlElement && node.getAttribute('id') === this.name) {
        const text = node.get(0);
        if (text instanceof Y.XmlText) return text;
      }
    }
    const element = new Y.XmlElement('operative');
    element.setAttribute('id', this.name);
    element.setAttribute('status', 'pending');
    const text = new Y.XmlText();
    element.insert(0, [text]);
    body.push([element]);
    return text;
  }
}
