import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openAs, test } from './fixtures';
import { addChair, appendOperative, openEditor, twoDelegations } from './scene';

/** Serious and critical axe violations, as "rule: target" lines for a readable failure. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`),
    );
}

test('secretariat, meeting and editor pages have no serious accessibility violations', async ({
  browser,
  accord,
  server,
}) => {
  const scene = await twoDelegations(accord);

  const secretariat = await openAs(browser, server.secretariatLink);
  await expect(secretariat.page.getByRole('heading', { name: 'Meetings' })).toBeVisible();
  await expect(secretariat.page.getByRole('link').first()).toBeVisible();
  expect(await seriousViolations(secretariat.page)).toEqual([]);

  await secretariat.page.goto(`${server.url}/meetings/${scene.meetingId}`);
  await expect(secretariat.page.getByRole('heading', { name: 'Participants' })).toBeVisible();
  await expect(secretariat.page.getByRole('cell', { name: 'Chile', exact: true })).toBeVisible();
  expect(await seriousViolations(secretariat.page)).toEqual([]);

  const belize = await openEditor(browser, accord, scene.documentId, scene.belize.token);
  const chile = await openEditor(browser, accord, scene.documentId, scene.chile.token);
  await appendOperative(chile.page, 'To promote digital payments');
  await expect(
    belize.page.locator('.collaboration-carets__label[data-label="Ana Rojas · Chile"]'),
  ).toBeVisible();
  expect(await seriousViolations(belize.page)).toEqual([]);

  // The toolbar is reachable from the keyboard, with a visible focus ring.
  await belize.page.locator('.ProseMirror').click();
  await belize.page.keyboard.press('Shift+Tab');
  const focused = belize.page.locator(':focus');
  await expect(focused).toHaveAttribute('type', 'button');
  const outline = await focused.evaluate((element) => getComputedStyle(element).outlineStyle);
  expect(outline).not.toBe('none');

  for (const opened of [secretariat, belize, chile]) expect(opened.errors).toEqual([]);
});

test('[O5] a locked document has no serious accessibility violations and its text scrolls from the keyboard', async ({
  browser,
  accord,
}) => {
  const scene = await twoDelegations(accord);
  // Enough paragraphs that the sheet scrolls at 1280×720.
  const chile = await openEditor(browser, accord, scene.documentId, scene.chile.token);
  for (let i = 1; i <= 14; i++) await appendOperative(chile.page, `To consider measure ${i}`);
  await expect.poll(() => accord.textOf(scene.documentId)).toContain('To consider measure 14');
  await accord.lock(scene.documentId);

  const belize = await openEditor(browser, accord, scene.documentId, scene.belize.token);
  await expect(
    belize.page.getByText('This document is locked for adoption. Nobody can change it.'),
  ).toBeVisible();
  // The editor's own sheet: the page's first text may still be fading out above it.
  const sheet = belize.page.locator('.draft-editor > .draft-sheet');
  expect(await sheet.evaluate((element) => element.scrollHeight > element.clientHeight)).toBe(true);
  expect(await seriousViolations(belize.page)).toEqual([]);

  // Tab reaches the read-only text; Page Down and End scroll it.
  const text = belize.page.getByRole('textbox');
  for (let i = 0; i < 20; i++) {
    if (await text.evaluate((element) => element === document.activeElement)) break;
    await belize.page.keyboard.press('Tab');
  }
  await expect(text).toBeFocused();
  await expect(text).toHaveAttribute('aria-readonly', 'true');
  await belize.page.keyboard.press('PageDown');
  await expect.poll(() => sheet.evaluate((element) => element.scrollTop)).toBeGreaterThan(0);

  for (const opened of [belize, chile]) expect(opened.errors).toEqual([]);
});

test('[O5] an observer’s editor page has no serious accessibility violations', async ({
  browser,
  accord,
}) => {
  const scene = await twoDelegations(accord);
  const observer = await accord.addParticipant(scene.meetingId, {
    name: 'Lee Grant',
    role: 'observer',
  });
  const chile = await openEditor(browser, accord, scene.documentId, scene.chile.token);
  const watching = await openEditor(browser, accord, scene.documentId, observer.token);
  await expect(watching.page.getByText('You are following as an observer')).toBeVisible();
  await appendOperative(chile.page, 'To promote digital payments');
  await expect(watching.page.getByText('To promote digital payments')).toBeVisible();
  expect(await seriousViolations(watching.page)).toEqual([]);
  await expect(watching.page.getByRole('textbox')).toHaveAttribute('tabindex', '0');

  for (const opened of [watching, chile]) expect(opened.errors).toEqual([]);
});

test('[MD26] the editor has no serious violations with History and a comparison open, offline, at 1366 and 768 px', async ({
  browser,
  accord,
}) => {
  const scene = await twoDelegations(accord);
  const chairInvitation = await addChair(accord, scene);
  const chair = await openEditor(browser, accord, scene.documentId, chairInvitation.token);
  const page = chair.page;
  await page.setViewportSize({ width: 1366, height: 768 });
  await appendOperative(page, 'To promote digital payments');

  await page.getByRole('button', { name: 'History', exact: true }).click();
  const panel = page.getByRole('region', { name: 'History', exact: true });
  await panel.getByLabel('Name the current text as a version').fill('Zero draft');
  await panel.getByRole('button', { name: 'Name version' }).click();
  await panel.getByRole('button', { name: 'Compare with current text: Zero draft' }).click();
  await expect(panel.getByRole('region', { name: /Changes from “Zero draft”/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // The toolbar's "More" open, then the same page at 768 px: history as a drawer.
  await page.getByRole('toolbar').getByRole('button', { name: 'More' }).click();
  expect(await seriousViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 768, height: 1024 });
  await expect(panel).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Panels' }).click();
  await expect(page.getByRole('region', { name: 'Panels' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await chair.context.setOffline(true);
  await expect(page.getByRole('status', { name: 'Connection' })).toHaveAttribute(
    'data-state',
    'offline',
  );
  expect(await seriousViolations(page)).toEqual([]);
  await chair.context.setOffline(false);
  expect(chair.errors).toEqual([]);
});

test('[MD26] the room view has no serious violations at 1366 and 768 px', async ({
  browser,
  accord,
}) => {
  const scene = await twoDelegations(accord);
  const chairInvitation = await addChair(accord, scene);
  const room = await openAs(
    browser,
    accord.link(`/documents/${scene.documentId}/room`, chairInvitation.token),
  );
  await room.page.setViewportSize({ width: 1366, height: 768 });
  await expect(room.page.getByRole('textbox', { name: 'Text of Room view' })).toContainText(
    'RECOMMEND',
  );
  expect(await seriousViolations(room.page)).toEqual([]);
  await room.page.setViewportSize({ width: 768, height: 1024 });
  expect(await seriousViolations(room.page)).toEqual([]);
  expect(room.errors).toEqual([]);
});
