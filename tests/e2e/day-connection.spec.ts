import { expect, test, withoutServiceWorker } from './fixtures';
import { twoDelegations } from './scene';

/** Past the editor's 30-second re-reading of the document's status. */
const PAST_STATUS_POLL_MS = 31_000;

test('[MD22] offline, the page speaks with the badge’s calm voice; a real error is one sentence with a way forward', async ({
  browser,
  accord,
}) => {
  const scene = await twoDelegations(accord);
  // No service worker: offline, the status re-reading then gets no answer at all, as on a
  // device that never kept a copy.
  const context = await withoutServiceWorker(browser);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.clock.install();
  await page.goto(accord.link(`/documents/${scene.documentId}`, scene.belize.token));
  const badge = page.getByRole('status', { name: 'Connection' });
  await expect(badge).toHaveAttribute('data-state', 'synced');

  await context.setOffline(true);
  await expect(badge).toHaveAttribute('data-state', 'offline');
  await page.clock.fastForward(PAST_STATUS_POLL_MS);
  await expect(page.getByText('You are offline. You can keep working')).toBeVisible();
  // The re-reading failed meanwhile; nothing red contradicts the badge.
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByText(/could not be reached|did not answer/)).toHaveCount(0);

  // Back online, the page's first reading of the status is slow to answer: the reading that
  // failed offline must not be said as an error beside the green badge meanwhile.
  let answerHeldReadings = () => {};
  const held = new Promise<void>((resolve) => (answerHeldReadings = resolve));
  await page.route(`**/api/documents/${scene.documentId}`, async (route) => {
    await held;
    await route.continue();
  });
  await context.setOffline(false);
  await expect(badge).toHaveAttribute('data-state', 'synced');
  await expect(page.getByText('You are offline. You can keep working')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByText(/could not be reached|did not answer/)).toHaveCount(0);
  answerHeldReadings();
  await page.unrouteAll({ behavior: 'wait' });

  // Connected, the server refuses the re-reading: its sentence, once, with "Try again".
  let refusals = 0;
  await page.route(`**/api/documents/${scene.documentId}`, (route) => {
    refusals += 1;
    return route.fulfill({
      status: 503,
      contentType: 'application/json',
      body: JSON.stringify({
        error: { code: 'unavailable', message: 'The server is restarting. Try again shortly.' },
      }),
    });
  });
  await page.clock.fastForward(PAST_STATUS_POLL_MS);
  const alert = page.getByRole('alert');
  await expect(alert).toHaveCount(1);
  await expect(alert).toContainText('The server is restarting. Try again shortly.');
  const before = refusals;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect.poll(() => refusals).toBeGreaterThan(before);
  await expect(alert).toHaveCount(1);

  // Once the server answers again, trying again clears the sentence.
  await page.unroute(`**/api/documents/${scene.documentId}`);
  await expect(async () => {
    // The page's own re-reading may clear the sentence between the count and the click.
    if ((await alert.count()) > 0)
      await alert
        .getByRole('button', { name: 'Try again' })
        .click({ timeout: 1_000 })
        .catch(() => undefined);
    await expect(alert).toHaveCount(0, { timeout: 1_000 });
  }).toPass();
  expect(errors).toEqual([]);
  await context.close();
});
