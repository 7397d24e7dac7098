import { expect, test } from './fixtures';
import { appendOperative, openEditor, operative, twoDelegations } from './scene';

/**
 * A colleague's words join this device's offline copy, not only our own: reopened with the
 * server out of reach, the editor shows them. (They are written in batches, at most 100 ms after
 * they arrive, so that the copy never delays a keystroke on screen.)
 */
test("a colleague's change is in this device's offline copy when the server cannot be reached", async ({
  browser,
  accord,
}) => {
  const scene = await twoDelegations(accord);
  const belize = await openEditor(browser, accord, scene.documentId, scene.belize.token);
  const chile = await openEditor(browser, accord, scene.documentId, scene.chile.token);
  const words = 'To open public procurement to MSMEs';
  await appendOperative(belize.page, words);
  await expect(operative(chile.page, words)).toBeVisible();
  // Past the offline copy's batching window (REMOTE_WRITE_DELAY_MS): the only fixed wait here,
  // since nothing on screen tells when a background write has landed.
  await chile.page.waitForTimeout(500);
  await chile.page.close();

  // The relay is out of reach (the socket hangs, as on a saturated conference Wi-Fi).
  await chile.context.routeWebSocket(/\/collab\//, () => undefined);
  const reopened = await chile.context.newPage();
  await reopened.goto(accord.link(`/documents/${scene.documentId}`, scene.chile.token));
  await expect(operative(reopened, words)).toHaveText(words);
  await expect(reopened.getByRole('status', { name: 'Connection' })).not.toHaveAttribute(
    'data-state',
    'synced',
  );
});
