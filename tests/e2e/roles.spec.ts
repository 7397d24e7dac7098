import { expect, openAs, test } from './fixtures';
import { appendOperative, openEditor, operative, twoDelegations } from './scene';

test('an observer follows live but cannot type', async ({ browser, accord }) => {
  const scene = await twoDelegations(accord);
  const observer = await accord.addParticipant(scene.meetingId, {
    name: 'Lee Morgan',
    role: 'observer',
  });
  const watching = await openEditor(browser, accord, scene.documentId, observer.token);
  const belize = await openEditor(browser, accord, scene.documentId, scene.belize.token);

  await expect(watching.page.getByText('You are following as an observer')).toBeVisible();
  await expect(watching.page.getByRole('toolbar')).toHaveCount(0);
  const editor = watching.page.locator('.ProseMirror');
  await expect(editor).toHaveAttribute('contenteditable', 'false');

  await appendOperative(belize.page, 'To invite the IDB and the World Bank');
  await expect(operative(watching.page, 'To invite the IDB and the World Bank')).toBeVisible();

  const before = await editor.textContent();
  await editor.click();
  await watching.page.keyboard.type('observer words');
  await watching.page.keyboard.press('Enter');
  await expect(editor).toHaveText(before ?? '');
  await expect(watching.page.getByRole('alert')).toHaveCount(0);
  expect(await accord.textOf(scene.documentId)).not.toContain('observer words');
  expect(watching.errors).toEqual([]);
});

test('a revoked link lands on a clear page, opened or already open', async ({
  browser,
  accord,
}) => {
  const scene = await twoDelegations(accord);
  // Already open in the editor when the secretariat revokes the link.
  const open = await openEditor(browser, accord, scene.documentId, scene.chile.token);
  await accord.revoke(scene.meetingId, scene.chile.id);
  await expect(open.page.getByRole('heading', { name: 'This link no longer works' })).toBeVisible();
  await expect(open.page.getByText('Ask the meeting secretariat for a new link')).toBeVisible();

  // Opened afterwards from the invitation link.
  const later = await openAs(browser, scene.chile.link, [/status of 401/]);
  await expect(
    later.page.getByRole('heading', { name: 'This link no longer works' }),
  ).toBeVisible();
  expect(later.page.url()).not.toContain('token=');
  expect(later.errors).toEqual([]);
});
