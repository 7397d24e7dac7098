import { resolve } from 'node:path';
import { expect, openAs, test, waitForSynced } from './fixtures';
import { OPERATIVE } from './scene';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const SEED = resolve(REPO_ROOT, 'tests/fixtures/seed/000_4fd4a1e97120b91d.txt');

test('[J4] a rapporteur creates a document from the gallery with a field filled in', async ({
  browser,
  accord,
}) => {
  const meeting = await accord.createMeeting('Meeting of Ministers of Trade on MSMEs');
  const rapporteur = await accord.addParticipant(meeting.id, {
    name: 'Lena Marsh',
    role: 'rapporteur',
    delegation: 'Barbados',
  });
  // The 422 this test provokes on purpose is logged by the browser.
  const opened = await openAs(browser, accord.link(`/meetings/${meeting.id}`, rapporteur.token), [
    /status of 422/,
  ]);
  const { page } = opened;

  // Every template is a card with its kind in words; choosing one previews it.
  const gallery = page.getByRole('region', { name: 'Start from a template' });
  await expect(gallery.getByRole('radio')).toHaveCount(10);
  await expect(gallery.getByText('Ministerial declaration', { exact: true })).toBeVisible();
  await gallery.getByRole('radio', { name: /Access to markets/ }).check();
  const preview = page.getByRole('region', { name: /Preview of Access to markets/ });
  await expect(preview).toContainText('THE MINISTERS AND HIGH AUTHORITIES OF TRADE');
  await expect(preview.locator('[data-number="1."]')).toBeVisible();
  await expect(preview.getByText('Guidance').first()).toBeVisible();

  // The form shows the template's defaults; the preview follows what is typed.
  const venue = page.getByLabel('Venue');
  await expect(venue).toHaveValue('Washington, D.C.');
  await venue.fill('Bridgetown, Barbados');
  await expect(preview.locator('mark', { hasText: 'Bridgetown, Barbados' })).toBeVisible();

  // A bad value: the server's sentence appears under that field, which takes the focus.
  const year = page.getByLabel(/^Year/);
  await year.fill('20x7');
  await page.getByRole('button', { name: 'Create document' }).click();
  await expect(year).toHaveAttribute('aria-invalid', 'true');
  await expect(year).toBeFocused();
  await expect(page.getByText(/four-digit year/)).toBeVisible();

  await year.fill('2027');
  await page.getByLabel('Document title', { exact: true }).fill('Zero draft on access to markets');
  await page.getByRole('button', { name: 'Create document' }).click();
  await expect(page).toHaveURL(/\/documents\/[A-Za-z0-9_-]+$/);
  await waitForSynced(page);
  await expect(
    page.getByRole('heading', { name: 'Zero draft on access to markets' }),
  ).toBeVisible();
  const editor = page.locator('.ProseMirror');
  await expect(editor).toContainText('Bridgetown, Barbados, 2027');
  await expect(editor).toContainText(
    'THE MINISTERS AND HIGH AUTHORITIES OF TRADE OF THE AMERICAS,',
  );
  await expect(page.locator(OPERATIVE).first()).toHaveAttribute('data-number', '1.');

  // The template's guidance is a hint under the paragraph being drafted, not text.
  await page.locator(OPERATIVE).first().click();
  await expect(page.locator('.draft-guidance')).toContainText('general commitment');
  expect(opened.errors).toEqual([]);
});

test('[J5] importing the seed resolution gives its four numbered operative paragraphs', async ({
  browser,
  accord,
  server,
}) => {
  const meeting = await accord.createMeeting();
  const opened = await openAs(browser, accord.link(`/meetings/${meeting.id}`, server.adminToken));
  const { page } = opened;

  const control = page.getByRole('region', { name: 'Import a resolution' });
  await control.getByLabel('Resolution file').setInputFiles(SEED);
  await control.getByRole('button', { name: 'Import' }).click();
  // A clean import opens the document; one with remarks lists them first.
  const openImported = control.getByRole('button', { name: 'Open the imported document' });
  await expect(page.locator('.ProseMirror').or(openImported)).toBeVisible();
  if (await openImported.isVisible()) await openImported.click();

  await waitForSynced(page);
  const operatives = page.locator(OPERATIVE);
  await expect(operatives).toHaveCount(4);
  for (const [index, start] of ['To urge', 'To request', 'To instruct', 'To request'].entries()) {
    await expect(operatives.nth(index)).toHaveAttribute('data-number', `${index + 1}.`);
    await expect(operatives.nth(index)).toContainText(start);
  }
  await expect(page.locator('.ProseMirror [data-type="subparagraph"]')).toHaveCount(3);
  expect(opened.errors).toEqual([]);
});
