import type { MetadataStore } from '../storage';
import type { Principal } from './principal';
import { hashToken, looksLikeToken, sameSecret } from './tokens';

/**
 * Turns a bearer token into a principal: the one place where tokens are checked. The admin
 * token is held in memory (it can be rotated); participants are found by the hash of theirs.
 */
export class Authenticator {
  constructor(
    private adminToken: string,
    private readonly metadata: MetadataStore,
  ) {}

  authenticate(token: unknown): Principal | null {
    if (!looksLikeToken(token)) return null;
    if (sameSecret(token, this.adminToken)) {
      return { role: 'admin', participant: null, meetingId: null };
    }
    const hash = hashToken(token);
    const participant = this.metadata.data.participants.find((p) => p.tokenHash === hash);
    if (!participant) return null;
    return { role: participant.role, participant, meetingId: participant.meetingId };
  }

  /** Replaces the admin token: the old one stops working at once. */
  rotateAdminToken(token: string): void {
    this.adminToken = token;
  }

  get currentAdminToken(): string {
    return this.adminToken;
  }
}
