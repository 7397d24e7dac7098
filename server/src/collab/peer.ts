import type { AwarenessUser } from '@accord/shared';
import type { Principal } from '../auth/principal';

/**
 * One connection to a room. The only transport is a WebSocket (`websocket.ts`); unit tests of the
 * fan-out pass recording peers. The room only sends bytes and closes; the transport owns framing,
 * limits and errors.
 */
export interface Peer {
  /** Who is connected; decided at upgrade, never by the client. */
  readonly principal: Principal;
  /** The name and delegation the server shows for this connection in awareness. */
  readonly user: AwarenessUser;
  readonly isOpen: boolean;
  send(message: Uint8Array): void;
  /**
   * Sends several messages at once (in one write where the transport can). Peers given the same
   * array may share the work of framing it.
   */
  sendAll(messages: readonly Uint8Array[]): void;
  /** Closes this connection only, with a shared close code. */
  close(code: number, reason: string): void;
}
