import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openAs, test } from './fixtures';
import { appendOperative, openEditor, twoDelegations } from './scene';

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
  await expect(secretariat.page.getByRole('cell', { name: 'Chile' })).toBeVisible();
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
