import type { Peer } from './peer';

/**
 * Which connection announced each awareness client id, both ways: a closing connection takes
 * its carets with it, and a batch of caret changes that all come from one device is not sent
 * back to that device. Lookups cost O(changed carets), not O(peers).
 */
export class CaretOwners {
  private readonly clientsOf = new Map<Peer, Set<number>>();
  private readonly ownerOf = new Map<number, Peer>();

  /** Records that `peer` announced these client ids. */
  claim(peer: Peer, clientIds: readonly number[]): void {
    let mine = this.clientsOf.get(peer);
    if (!mine) this.clientsOf.set(peer, (mine = new Set()));
    for (const id of clientIds) {
      mine.add(id);
      this.ownerOf.set(id, peer);
    }
  }

  /** Forgets a closed connection; returns the client ids it had announced. */
  release(peer: Peer): number[] {
    const clients = [...(this.clientsOf.get(peer) ?? [])];
    for (const clientId of clients) {
      // Another connection may have announced the same id since (a reconnect): keep it.
      if (this.ownerOf.get(clientId) === peer) this.ownerOf.delete(clientId);
    }
    this.clientsOf.delete(peer);
    return clients;
  }

  /** The connection every one of `clientIds` belongs to, if there is exactly one. */
  soleOwner(clientIds: Iterable<number>): Peer | null {
    let owner: Peer | null = null;
    for (const clientId of clientIds) {
      const peer = this.ownerOf.get(clientId);
      // A departed client's removal, or several devices' carets: everyone needs it.
      if (!peer || (owner && peer !== owner)) return null;
      owner = peer;
    }
    return owner;
  }
}
