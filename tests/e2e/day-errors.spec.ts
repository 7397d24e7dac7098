import { expect, openAs, test } from './fixtures';
import { twoDelegations } from './scene';

test('[MD2] an unknown address shows the app’s own page with a way back to the meeting', async ({
  browser,
  accord,
}) => {
  const scene = await twoDelegations(accord);
  const belize = await openAs(browser, accord.link('/meetings/x/y/typo', scene.belize.token));
  await belize.page.setViewportSize({ width: 1366, height: 768 });
  await expect(belize.page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await belize.page.getByRole('link', { name: 'Go to my meeting' }).click();
  // Home sends a delegate on to their meeting.
  await expect(belize.page).toHaveURL(new RegExp(`/meetings/${scene.meetingId}$`));
  await expect(belize.page.getByRole('heading', { name: 'Page not found' })).toHaveCount(0);
  expect(belize.errors).toEqual([]);
});

test('[MD4] the secretariat is named once in the header', async ({ browser, accord }) => {
  const admin = await openAs(browser, accord.link('/', accord.adminToken));
  await admin.page.setViewportSize({ width: 1366, height: 768 });
  await expect(admin.page.locator('.app-header .who')).toHaveText('Secretariat');
  expect(admin.errors).toEqual([]);
});
