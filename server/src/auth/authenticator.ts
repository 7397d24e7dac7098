import type { MetadataReader } from '../storage';
import type { Principal } from './principal';
import { hashToken, looksLikeToken, sameSecret } from './tokens';

/** Why a token was not accepted: unknown (or revoked), or an invitation past its expiry. */
export type AuthFailure =
  | { reason: 'unknown' }
  | { reason: 'expired'; participantId: string; meetingId: string };

export type AuthResult = { principal: Principal } | { principal: null; failure: AuthFailure };

/**
 * Turns a bearer token into a principal: the one place where tokens are checked. The admin
 * token is held in memory (it can be rotated); participants are found by the hash of theirs,
 * and an invitation past its `expiresAt` is refused like a revoked one.
 */
export class Authenticator {
  constructor(
    private adminToken: string,
    private readonly metadata: Pick<MetadataReader, 'participantByTokenHash'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  authenticate(token: unknown): Principal | null {
    return this.check(token).principal;
  }

  /** The same, saying why a token was refused. */
  check(token: unknown): AuthResult {
    if (!looksLikeToken(token)) return { principal: null, failure: { reason: 'unknown' } };
    if (sameSecret(token, this.adminToken)) {
      return { principal: { role: 'admin', participant: null, meetingId: null } };
    }
    const participant = this.metadata.participantByTokenHash(hashToken(token));
    if (!participant) return { principal: null, failure: { reason: 'unknown' } };
    if (
      participant.expiresAt !== null &&
      Date.parse(participant.expiresAt) <= this.now().getTime()
    ) {
      return {
        principal: null,
        failure: {
          reason: 'expired',
          participantId: participant.id,
          meetingId: participant.meetingId,
        },
      };
    }
    return {
      principal: { role: participant.role, participant, meetingId: participant.meetingId },
    };
  }

  /** Replaces the admin token: the old one stops working at once. */
  rotateAdminToken(token: string): void {
    this.adminToken = token;
  }

  get currentAdminToken(): string {
    return this.adminToken;
  }
}
