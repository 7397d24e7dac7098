import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { content, documentTruth, paragraphId, type DocumentTruth } from './document-truth';
import { addChair, openEditor, operative, twoDelegations } from './scene';
import { revealInToolbar } from './toolbar';

const AGREED = 'To promote access to finance for MSMEs';
const AD_REF = 'To encourage digital payments among small firms';
const OPEN = 'To simplify the registration of new enterprises';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`),
    );
}

/** A new operative paragraph at the end, its text inserted at once (not typed key by key). */
async function addOperative(page: Page, text: string): Promise<void> {
  await page.locator('.ProseMirror').click();
  await page.keyboard.press('Control+End');
  await page.getByRole('button', { name: 'New operative paragraph' }).click();
  await page.keyboard.insertText(text);
}

async function post(url: string, token: string, data: unknown): Promise<{ id: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(data),
  });
  expect(response.ok, `POST ${url}: ${response.status}`).toBe(true);
  return (await response.json()) as { id: string };
}

/** Every count the dashboard shows, against the document's truth. */
async function expectDashboardSays(dashboard: Locator, truth: DocumentTruth): Promise<void> {
  for (const [status, count] of Object.entries(truth.byStatus)) {
    await expect(dashboard.getByTestId(`dashboard-status-${status}`)).toHaveText(String(count));
  }
  await expect(dashboard.getByTestId('dashboard-brackets')).toHaveText(String(truth.brackets));
  const byDelegation = dashboard
    .getByRole('heading', { name: /^Brackets by delegation/ })
    .locator('xpath=following-sibling::ul[1]/li');
  await expect(byDelegation).toHaveCount(Object.keys(truth.bracketsByDelegation).length);
  for (const [delegation, count] of Object.entries(truth.bracketsByDelegation)) {
    const row = byDelegation.filter({
      has: dashboard.page().locator('.bracket-tag', { hasText: delegation }),
    });
    await expect(row.locator('.dashboard__count')).toHaveText(String(count));
  }
  await expect(dashboard.getByTestId('dashboard-comments')).toHaveText(String(truth.openComments));
  await expect(dashboard.getByTestId('dashboard-proposals')).toHaveText(
    String(truth.openProposals),
  );
}

test('[NB41] the chair’s dashboard counts equal the document’s, and follow a bracket placed live', async ({
  browser,
  accord,
}) => {
  const scene = await twoDelegations(accord);
  const chairInvitation = await addChair(accord, scene);
  const chile = await openEditor(browser, accord, scene.documentId, scene.chile.token);
  for (const text of [AGREED, AD_REF, OPEN]) await addOperative(chile.page, text);

  // Chile brackets the last word of the third paragraph with the toolbar.
  await operative(chile.page, OPEN).click();
  await chile.page.keyboard.press('End');
  await chile.page.keyboard.press('Control+Shift+ArrowLeft');
  const bracket = chile.page.getByRole('button', { name: '[ ] Bracket', exact: true });
  await revealInToolbar(chile.page, bracket);
  await bracket.click();
  await expect(operative(chile.page, OPEN).locator('.bracket-tag')).toHaveText('Chile');

  // Belize proposes words at the end of that paragraph.
  const belize = await openEditor(browser, accord, scene.documentId, scene.belize.token);
  const proposing = belize.page.getByRole('checkbox', { name: 'Propose changes' });
  await proposing.check();
  await operative(belize.page, OPEN).click();
  await belize.page.keyboard.press('End');
  await belize.page.keyboard.insertText(' in the region');
  await expect(chile.page.locator('.ProseMirror .proposal--insert')).toHaveText(' in the region');
  await proposing.uncheck();

  // The chair settles two paragraphs.
  const chair = await openEditor(browser, accord, scene.documentId, chairInvitation.token);
  const statusOf = (text: string) =>
    operative(chair.page, text).getByRole('combobox', { name: /^Status of paragraph \d+$/ });
  await statusOf(AGREED).selectOption('agreed');
  await statusOf(AD_REF).selectOption('ad_ref');
  await expect(operative(chile.page, AD_REF)).toHaveAttribute('data-status-label', 'Agreed ad ref');

  // Three threads, one with a reply, one resolved by the chair.
  const doc = await content(accord, scene.documentId);
  const comments = `${accord.baseUrl}/api/documents/${scene.documentId}/comments`;
  const first = await post(comments, scene.chile.token, {
    paragraphId: paragraphId(doc, OPEN),
    quote: 'enterprises',
    text: 'Which registries?',
  });
  await post(`${comments}/${first.id}/replies`, scene.belize.token, { text: 'National ones.' });
  const second = await post(comments, scene.chile.token, {
    paragraphId: paragraphId(doc, AD_REF),
    text: 'Subject to consultation in capital.',
  });
  await post(comments, scene.belize.token, {
    paragraphId: paragraphId(doc, AGREED),
    text: 'Belize can accept this.',
  });
  await post(`${comments}/${second.id}/resolve`, chairInvitation.token, {});

  await chair.page.locator('summary', { hasText: 'Chair’s dashboard' }).click();
  const dashboard = chair.page.getByRole('region', { name: 'Chair’s dashboard' });
  const before = await documentTruth(accord, scene.documentId);
  // The scene has something in every column, so that a zero cannot pass for a count.
  expect(
    Math.min(
      ...Object.values(before.byStatus),
      before.brackets,
      before.openComments,
      before.openProposals,
    ),
  ).toBeGreaterThan(0);
  await expectDashboardSays(dashboard, before);
  expect(await seriousViolations(chair.page)).toEqual([]);

  // Belize brackets the first words of the same paragraph from the keyboard: the count follows.
  await operative(belize.page, OPEN).click();
  await belize.page.keyboard.press('Home');
  await belize.page.keyboard.press('Control+Shift+ArrowRight');
  await belize.page.keyboard.press('Control+Shift+B');
  await expect(
    chair.page.locator(`[data-id="${paragraphId(doc, OPEN)}"] .bracket-tag`, { hasText: 'Belize' }),
  ).toHaveCount(1);
  await expect
    .poll(async () => (await documentTruth(accord, scene.documentId)).brackets)
    .toBe(before.brackets + 1);
  await expectDashboardSays(dashboard, await documentTruth(accord, scene.documentId));

  for (const opened of [chile, chair, belize]) expect(opened.errors).toEqual([]);
});
