import { readFile, writeFile, chmod } from 'node:fs/promises';
import { join } from 'node:path';
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

export async function saveAdminToken(dataDir: string, token: string): Promise<void> {
  const path = join(dataDir, 'admin-token');
  await writeFile(path, token + '\n', { mode: 0o600 });
  await chmod(path, 0o600);
}
