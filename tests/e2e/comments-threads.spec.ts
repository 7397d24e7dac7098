import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addChair, appendOperative, openEditor, operative, twoDelegations } from './scene';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`),
    );
}

const TEXT = 'To promote access to finance for MSMEs';

test('[CT8] a delegate comments on a phrase, another delegation replies, the chair resolves; the counts follow', async ({
  browser,
  accord,
}) => {
  const scene = await twoDelegations(accord);
  const chair = await addChair(accord, scene);
  const chile = await openEditor(browser, accord, scene.documentId, scene.chile.token);
  const belize = await openEditor(browser, accord, scene.documentId, scene.belize.token);
  const chairPage = await openEditor(browser, accord, scene.documentId, chair.token);

  await appendOperative(chile.page, TEXT);
  await chile.page.keyboard.press('Shift+Home');
  await chile.page.keyboard.press('Control+Alt+M');
  await chile.page.getByLabel('Your comment').fill('Name development banks here.');
  await chile.page.getByRole('button', { name: 'Post comment' }).click();

  // Belize sees the thread at once, with the count beside the paragraph, and replies.
  const thread = belize.page.getByRole('article', { name: /Comment by Chile/ });
  await expect(thread.getByText('Name development banks here.')).toBeVisible();
  await expect(operative(belize.page, TEXT).locator('.comment-count')).toContainText(
    '1 open comment',
  );
  await expect(operative(belize.page, TEXT).locator('.comment-anchor')).toHaveText(TEXT);
  await thread.getByLabel('Your reply').fill('Belize agrees.');
  await thread.getByRole('button', { name: 'Reply' }).click();
  await expect(chile.page.getByText('Belize agrees.')).toBeVisible();
  // Belize did not write the thread: it may not resolve it.
  await expect(thread.getByRole('button', { name: 'Resolve' })).toHaveCount(0);
  expect(await seriousViolations(chile.page)).toEqual([]);

  const onChair = chairPage.page.getByRole('article', { name: /Comment by Chile/ });
  await onChair.getByRole('button', { name: 'Resolve' }).click();
  await expect(chile.page.getByRole('heading', { name: 'Comments (0 open)' })).toBeVisible();
  await expect(operative(chile.page, TEXT).locator('.comment-count')).toHaveCount(0);
  await expect(chile.page.getByText('Name development banks here.')).toHaveCount(0);
  await chile.page.getByLabel('Open comments only').uncheck();
  await expect(chile.page.getByText('Name development banks here.')).toBeVisible();

  const answer = await fetch(`${accord.baseUrl}/api/documents/${scene.documentId}/comments`, {
    headers: { Authorization: `Bearer ${accord.adminToken}` },
  });
  const listed: unknown = await answer.json();
  expect(listed).toMatchObject([
    { quote: TEXT, delegation: 'Chile', resolved: true, replies: [{ delegation: 'Belize' }] },
  ]);
  for (const page of [chile, belize, chairPage]) expect(page.errors).toEqual([]);
});
