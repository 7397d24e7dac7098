import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { meetingColor } from '../../shared/src/colors';
import { expect, test } from './fixtures';
import { publishScreenshot } from './screenshots';
import {
  OPERATIVE,
  addChair,
  appendOperative,
  openEditor,
  operative,
  twoDelegations,
} from './scene';

const INSERTED = 'To promote digital payments for MSMEs';

/** `#1b7a3e` as the browser computes it: `rgb(27, 122, 62)`. */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

function historyPanel(page: Page) {
  return page.getByRole('region', { name: 'History', exact: true });
}

async function openHistory(page: Page) {
  await page.getByRole('button', { name: 'History', exact: true }).click();
  await expect(historyPanel(page)).toBeVisible();
}

test('the chair names a version, compares it with a delegate’s edit by colour, and restores it', async ({
  browser,
  accord,
}, testInfo) => {
  const scene = await twoDelegations(accord);
  const chairInvitation = await addChair(accord, scene);
  const chair = await openEditor(browser, accord, scene.documentId, chairInvitation.token);
  const belize = await openEditor(browser, accord, scene.documentId, scene.belize.token);

  // The chair names the text as it stands.
  await openHistory(chair.page);
  const panel = historyPanel(chair.page);
  await panel.getByLabel('Name the current text as a version').fill('Zero draft');
  await panel.getByRole('button', { name: 'Name version' }).click();
  const zeroDraft = panel.locator('.history-timeline__item', { hasText: 'Zero draft' });
  await expect(zeroDraft).toContainText('Named');
  await expect(zeroDraft).toContainText('María Pérez · Panama');
  expect(await axeSerious(chair.page)).toEqual([]);
  const zeroDraftId = await zeroDraft.getAttribute('data-version-id');
  expect(zeroDraftId).toBeTruthy();

  // A delegate of Belize adds a paragraph, one of Chile amends the first; both reach the server.
  await appendOperative(belize.page, INSERTED);
  const chile = await openEditor(browser, accord, scene.documentId, scene.chile.token);
  await chile.page.locator(OPERATIVE).first().click();
  await selectSecondWord(chile.page);
  await chile.page.keyboard.type('exhort');
  await expect.poll(() => accord.textOf(scene.documentId)).toContain(INSERTED);
  await expect.poll(() => accord.textOf(scene.documentId)).toContain('exhort');

  // The delegate's own panel is read-only: no naming, no restoring.
  await openHistory(belize.page);
  const belizePanel = historyPanel(belize.page);
  await expect(belizePanel.getByText('Only the chair can restore one.')).toBeVisible();
  await expect(belizePanel.getByRole('button', { name: /Restore/ })).toHaveCount(0);
  await expect(belizePanel.getByLabel('Name the current text as a version')).toHaveCount(0);

  // The chair compares "Zero draft" with the current text: Belize's words in Belize's colour.
  await panel.getByRole('button', { name: 'Compare with current text: Zero draft' }).click();
  const comparison = panel.getByRole('region', { name: /Changes from “Zero draft”/ });
  const inserted = comparison.locator('ins[data-delegation="Belize"]', { hasText: INSERTED });
  await expect(inserted).toBeVisible();
  const { colors } = await accord.meeting(scene.meetingId);
  const belizeColour = meetingColor(colors, 'Belize');
  await expect(inserted).toHaveAttribute('data-colour', belizeColour);
  await expect(inserted).toHaveCSS('color', rgb(belizeColour));
  const legendEntry = comparison.locator('button[data-delegation="Belize"]');
  await expect(legendEntry).toContainText('insertion');
  await expect(legendEntry).toHaveAttribute('data-colour', belizeColour);
  await expect(comparison.locator('[data-change="inserted"]')).toContainText(INSERTED);
  const chileColour = rgb(meetingColor(colors, 'Chile'));
  await expect(comparison.locator('del[data-delegation="Chile"]')).toHaveCSS('color', chileColour);
  await expect(comparison.locator('ins[data-delegation="Chile"]', { hasText: 'exhort' })).toHaveCSS(
    'color',
    chileColour,
  );
  await expect(comparison.locator('button[data-delegation="Chile"]')).toBeVisible();

  // Only the changed paragraphs; stepping focuses the first change and announces "1 of n".
  expect(await comparison.locator('.history-para').count()).toBeGreaterThan(2);
  await comparison.getByLabel('Only paragraphs with changes').check();
  await expect(comparison.locator('.history-para')).toHaveCount(2);
  const position = comparison.locator('[aria-live="polite"]');
  await comparison.getByRole('button', { name: 'Next' }).click();
  await expect(position).toHaveText(/^1 of \d+$/);
  await expect(comparison.locator('ins:focus, del:focus')).toHaveAttribute(
    'data-delegation',
    'Chile',
  );
  expect(await axeSerious(chair.page)).toEqual([]);

  const shot = testInfo.outputPath('history-comparison.png');
  await chair.page.screenshot({ path: shot });
  await testInfo.attach('history comparison', { path: shot, contentType: 'image/png' });
  publishScreenshot(shot, 'screenshot-history.png');

  // Filtered to Belize, only Belize's change is highlighted and counted.
  await legendEntry.click();
  await expect(legendEntry).toHaveAttribute('aria-pressed', 'true');
  await expect(position).toHaveText('1 change');
  await expect(comparison.locator(':is(ins, del)[data-delegation="Chile"]')).toHaveCount(0);
  await comparison.getByRole('button', { name: 'Next' }).click();
  await expect(position).toHaveText('1 of 1');
  await expect(comparison.locator('ins:focus')).toHaveAttribute('data-delegation', 'Belize');

  // The version's own text, read-only, has no trace of the later paragraph.
  await panel.getByRole('button', { name: 'All versions' }).click();
  await panel.getByRole('button', { name: 'Read text: Zero draft' }).click();
  const versionText = panel.getByRole('article', { name: /Text of the version “Zero draft”/ });
  await expect(versionText.locator('[data-type="operative"]').first()).toHaveAttribute(
    'data-number',
    '1.',
  );
  await expect(versionText).not.toContainText(INSERTED);

  // Restore, with its confirm step: both editors lose the paragraph; the timeline shows it.
  const readView = panel.getByRole('region', { name: 'Text of “Zero draft”' });
  await readView.getByRole('button', { name: 'Restore this version: Zero draft' }).click();
  await readView.getByRole('button', { name: 'Yes, restore' }).click();
  for (const { page } of [chair, belize, chile]) {
    await expect(operative(page, INSERTED)).toHaveCount(0);
  }
  await expect(
    panel.getByRole('status').filter({ hasText: 'Restored “Zero draft”' }),
  ).toBeVisible();
  await panel.getByRole('button', { name: 'All versions' }).click();
  const restoreItem = panel.locator('.history-timeline__item[data-kind="restore"]');
  await expect(restoreItem).toContainText('Restore');
  await expect(restoreItem).toContainText('Zero draft');
  const restoredText = await accord.textOf(scene.documentId);
  expect(restoredText).toBe(await versionTextOf(accord, scene.documentId, zeroDraftId ?? ''));

  // Belize comes back: the panel offers the changes since the version seen on the last visit.
  await belize.page.reload();
  await openHistory(belize.page);
  await expect(belizePanel.getByText(/Your last visit ended at/)).toBeVisible();
  await belizePanel.getByRole('button', { name: 'Changes since my last visit' }).click();
  await expect(
    belizePanel.getByRole('region', { name: /Changes since your last visit/ }),
  ).toBeVisible();

  expect(chair.errors).toEqual([]);
  expect(belize.errors).toEqual([]);
  expect(chile.errors).toEqual([]);
});

test('a paragraph moved with Alt+Up keeps its id and is shown as moved', async ({
  browser,
  accord,
}) => {
  const scene = await twoDelegations(accord);
  const chairInvitation = await addChair(accord, scene);
  const chair = await openEditor(browser, accord, scene.documentId, chairInvitation.token);
  await openHistory(chair.page);
  const panel = historyPanel(chair.page);
  await panel.getByLabel('Name the current text as a version').fill('Before the move');
  await panel.getByRole('button', { name: 'Name version' }).click();
  await expect(
    panel.locator('.history-timeline__item', { hasText: 'Before the move' }),
  ).toBeVisible();

  const before = await accord.textOf(scene.documentId);
  await chair.page.locator(OPERATIVE).nth(2).click();
  await chair.page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => accord.textOf(scene.documentId)).not.toBe(before);

  await panel.getByRole('button', { name: 'Compare with current text: Before the move' }).click();
  const comparison = panel.getByRole('region', { name: /Changes from “Before the move”/ });
  await expect(comparison.locator('[data-change="moved"]').first()).toContainText('moved');
  await expect(comparison.locator('[data-change="inserted"], [data-change="deleted"]')).toHaveCount(
    0,
  );
  await expect(comparison.getByText('No changes between these two versions.')).toHaveCount(0);
  expect(chair.errors).toEqual([]);
});

/** Selects the second word of the first operative paragraph (its verb: "To urge …"). */
async function selectSecondWord(page: Page): Promise<void> {
  await page
    .locator(OPERATIVE)
    .first()
    .evaluate((paragraph) => {
      const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const match = /\s([A-Za-z]{3,})/.exec(node.textContent ?? '');
        if (!match) continue;
        const range = document.createRange();
        range.setStart(node, match.index + 1);
        range.setEnd(node, match.index + 1 + (match[1]?.length ?? 0));
        window.getSelection()?.removeAllRanges();
        window.getSelection()?.addRange(range);
        return;
      }
      throw new Error('the first operative paragraph has no second word');
    });
}

/** Serious and critical axe violations inside the history panel. */
async function axeSerious(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('#history-panel').analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`),
    );
}

async function versionTextOf(
  accord: { baseUrl: string; adminToken: string },
  documentId: string,
  versionId: string,
): Promise<string> {
  const response = await fetch(
    `${accord.baseUrl}/api/documents/${documentId}/content?format=text&version=${versionId}`,
    { headers: { Authorization: `Bearer ${accord.adminToken}` } },
  );
  expect(response.ok).toBe(true);
  return response.text();
}
