import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Copies a test's screenshot over the README's, only when asked (`ACCORD_SCREENSHOTS=docs npm
 * run test:e2e`): an ordinary test run must not rewrite tracked files.
 */
export function publishScreenshot(shot: string, name: string): void {
  if (process.env.ACCORD_SCREENSHOTS !== 'docs') return;
  const docs = resolve(import.meta.dirname, '../../docs');
  mkdirSync(docs, { recursive: true });
  copyFileSync(shot, resolve(docs, name));
}
