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

test('[MD24] a truncated invitation link says it is incomplete, not withdrawn', async ({
  browser,
  accord,
}) => {
  const scene = await twoDelegations(accord);
  const cut = scene.belize.token.slice(0, 20);
  const belize = await openAs(browser, accord.link('/', cut), [/401/]);
  await belize.page.setViewportSize({ width: 1366, height: 768 });
  await expect(belize.page.getByRole('heading', { name: 'This link is incomplete' })).toBeVisible();
  await expect(belize.page.getByText('Copy the whole link')).toBeVisible();
  await expect(belize.page.getByText('withdrawn or replaced')).toHaveCount(0);

  // A whole link that was withdrawn keeps its own page.
  await accord.revoke(scene.meetingId, scene.chile.id);
  const chile = await openAs(browser, accord.link('/', scene.chile.token), [/401/]);
  await expect(
    chile.page.getByRole('heading', { name: 'This link no longer works' }),
  ).toBeVisible();
  expect([...belize.errors, ...chile.errors]).toEqual([]);
});

test('[MD23] a document of another meeting offers the way back to the delegate’s own meeting', async ({
  browser,
  accord,
}) => {
  const scene = await twoDelegations(accord);
  const other = await twoDelegations(accord);
  const belize = await openAs(
    browser,
    accord.link(`/documents/${other.documentId}`, scene.belize.token),
    [/403|4403/],
  );
  await belize.page.setViewportSize({ width: 768, height: 1024 });
  await expect(
    belize.page.getByRole('heading', { name: 'This document belongs to another meeting' }),
  ).toBeVisible();
  await belize.page.getByRole('link', { name: 'Go to my meeting' }).click();
  await expect(belize.page).toHaveURL(new RegExp(`/meetings/${scene.meetingId}$`));
  expect(belize.errors).toEqual([]);
});
