import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileDurably } from '../storage';
import { looksLikeToken, newToken } from './tokens';

/**
 * The secretariat's token: the one secret kept in clear, in `<DATA_DIR>/admin-token` (mode
 * 0600), so that the server can print the secretariat link at every start (SPEC.md [P1]). An
 * `ADMIN_TOKEN` from the environment wins and is written to the file.
 */
export async function loadAdminToken(
  dataDir: string,
  fromEnv: string | undefined,
): Promise<string> {
  const path = join(dataDir, 'admin-token');
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!looksLikeToken(fromEnv)) {
      throw new RangeError('ADMIN_TOKEN must be 16 to 128 characters of A-Z, a-z, 0-9, - and _.');
    }
    await saveAdminToken(dataDir, fromEnv);
    return fromEnv;
  }
  try {
    const stored = (await readFile(path, 'utf8')).trim();
    if (looksLikeToken(stored)) return stored;
  } catch {
    // First start: no token yet.
  }
  const token = newToken();
  await saveAdminToken(dataDir, token);
  return token;
}

/** Durable before it resolves (a rotation is not answered before the new token is on disk). */
export async function saveAdminToken(dataDir: string, token: string): Promise<void> {
  await writeFileDurably(join(dataDir, 'admin-token'), token + '\n');
}
