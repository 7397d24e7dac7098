import { saveAdminToken } from '../auth/admin-token';
import type { Principal } from '../auth/principal';
import { newToken } from '../auth/tokens';
import { SERVER_WIDE } from '../storage';
import { authorise } from './access';
import { audit } from './audit';
import type { DomainContext } from './context';

/**
 * Gives the secretariat a new token. The new one is durable before the old one stops working
 * (a failed write keeps the old token valid), and every relay connection opened with the old
 * token is closed: a leaked token stops working everywhere at once, not only for new requests.
 */
export async function rotateAdminToken(
  context: DomainContext,
  principal: Principal,
): Promise<{ token: string }> {
  authorise(principal, 'rotateAdminToken');
  const token = newToken();
  await saveAdminToken(context.dataDir, token);
  context.authenticator.rotateAdminToken(token);
  context.rooms.closePrincipals((p) => p.role === 'admin', 'admin token rotated');
  context.logger.info('admin token rotated');
  audit(context, SERVER_WIDE, 'admin.token_rotated', principal, {
    text: 'Secretariat token rotated.',
    key: 'langaudit.audit.tokenRotated',
    values: {},
  });
  return { token };
}
