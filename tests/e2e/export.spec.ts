import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { appendOperative, openEditor } from './scene';

/** The text of a .docx as pandoc (Debian's, a reader Accord does not control) reads it. */
function pandocText(file: string, trackChanges: 'accept' | 'reject' = 'accept'): string {
  const out = execFileSync(
    'pandoc',
    ['-f', 'docx', '-t', 'plain', '--wrap=none', `--track-changes=${trackChanges}`, file],
    { encoding: 'utf8' },
  );
  return out.replace(/\s+/g, ' ');
}

/** Chooses options in the open export dialog and downloads; resolves with the saved path. */
async function download(page: Page, path: string, pick?: () => Promise<void>): Promise<string> {
  const dialog = page.getByRole('dialog', { name: /^Export/ });
  await pick?.();
  // Hold the server's answer until the dialog has shown that it is preparing the file.
  let release = () => {};
  const held = new Promise<void>((resolveHeld) => (release = resolveHeld));
  await page.route(/\/api\/documents\/[^/]+\/export\?/, async (route) => {
    await held;
    await route.continue();
  });
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download' }).click();
  await expect(dialog.getByRole('status')).toContainText('Preparing the Word (.docx) file…');
  release();
  const file = await downloading;
  await page.unroute(/\/api\/documents\/[^/]+\/export\?/);
  expect(file.suggestedFilename()).toMatch(/\.docx$/);
  await file.saveAs(path);
  await expect(dialog.getByRole('status')).toContainText(`Downloaded ${file.suggestedFilename()}`);
  return path;
}

test('the rapporteur exports the text as Word from the dialog', async ({
  browser,
  accord,
}, info) => {
  const meeting = await accord.createMeeting();
  const rapporteur = await accord.addParticipant(meeting.id, {
    name: 'Lena Marsh',
    role: 'rapporteur',
    delegation: 'Barbados',
  });
  const document = await accord.createDocument(meeting.id, 'Recommendation on access to finance');
  const opened = await openEditor(browser, accord, document.id, rapporteur.token);
  const { page } = opened;

  await page.getByRole('button', { name: 'Export this document' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export Recommendation on access to finance' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'Word (.docx)' })).toBeChecked();
  // Text and Akoma Ntoso cannot carry tracked changes: the option says why it is off.
  await dialog.getByRole('radio', { name: 'Plain text' }).check();
  await expect(dialog.getByRole('radio', { name: 'Tracked changes against' })).toBeDisabled();
  await expect(dialog.getByText('Plain text cannot show tracked changes.')).toBeVisible();
  await dialog.getByRole('radio', { name: 'Word (.docx)' }).check();

  const path = await download(page, info.outputPath('recommendation.docx'));
  expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK'); // a zip, as .docx files are
  // Numbers are Word list numbers, which pandoc prints with two spaces after them ("1.  To").
  const words = pandocText(path).replace(/\s+/g, ' ');
  const text = await accord.textOf(document.id);
  const operatives = text.split('\n').filter((line) => /^\d+\. /.test(line));
  expect(operatives.length).toBeGreaterThan(2);
  let from = 0;
  for (const line of operatives) {
    // Every operative paragraph, with its number, in order.
    const at = words.indexOf(line.replace(/\s+/g, ' ').trim(), from);
    expect(at, `"${line}" in the .docx`).toBeGreaterThanOrEqual(from);
    from = at;
  }

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Export this document' })).toBeFocused();
  expect(opened.errors).toEqual([]);
});

test('the export carries tracked changes against a named version', async ({
  browser,
  accord,
  server,
}, info) => {
  const meeting = await accord.createMeeting();
  const rapporteur = await accord.addParticipant(meeting.id, {
    name: 'Lena Marsh',
    role: 'rapporteur',
    delegation: 'Barbados',
  });
  const document = await accord.createDocument(meeting.id);
  const named = await fetch(`${server.url}/api/documents/${document.id}/versions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${rapporteur.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ label: 'Zero draft' }),
  });
  expect(named.status).toBe(201);

  const opened = await openEditor(browser, accord, document.id, rapporteur.token);
  const { page } = opened;
  const added = 'To invite the Inter-American Development Bank to report on credit lines;';
  await appendOperative(page, added);
  await expect.poll(() => accord.textOf(document.id)).toContain(added);

  await page.getByRole('button', { name: 'Export this document' }).click();
  const dialog = page.getByRole('dialog', { name: /^Export/ });
  const path = await download(page, info.outputPath('tracked.docx'), async () => {
    await dialog.getByRole('radio', { name: 'Tracked changes against' }).check();
    await expect(dialog.getByLabel('Earlier version to compare with')).toContainText('Zero draft');
  });
  expect(pandocText(path, 'accept')).toContain(added);
  expect(pandocText(path, 'reject')).not.toContain(added);
  expect(opened.errors).toEqual([]);
});
