import { expect, openAs, test } from './fixtures';

test('[M19] the secretariat sets up a meeting, hands out a link, revokes it, and reads it in the audit log', async ({
  browser,
  server,
}) => {
  const admin = await openAs(browser, server.secretariatLink);
  const { page } = admin;
  await expect(page.getByRole('heading', { name: 'Meetings' })).toBeVisible();
  expect(page.url()).not.toContain('token=');

  await page.getByLabel('Title', { exact: true }).fill('Sixth Meeting of Ministers of Labour');
  await page.getByLabel('Sector').fill('Labour');
  await page.getByLabel('Venue').fill('Bridgetown');
  await page.getByLabel('Starts on').fill('2026-11-25');
  await page.getByLabel('Ends on').fill('2026-11-27');
  await page.getByRole('button', { name: 'Create meeting' }).click();
  await expect(
    page.getByRole('heading', { name: 'Sixth Meeting of Ministers of Labour' }),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/meetings\/[A-Za-z0-9_-]+$/);

  // A delegation from the member-state list, and a group typed by hand.
  await page.getByLabel('Delegation', { exact: true }).fill('Barbados');
  await page.getByLabel('Name', { exact: true }).fill('Kim Alleyne');
  await page.getByRole('combobox', { name: 'Role' }).selectOption('chair');
  await page.getByRole('button', { name: 'Add participant' }).click();
  await expect(page.getByRole('heading', { name: 'Invitation for Kim Alleyne' })).toBeVisible();
  await page.getByLabel('Delegation', { exact: true }).fill('CARICOM');
  await page.getByLabel('Name', { exact: true }).fill('Jo Baptiste');
  await page.getByRole('button', { name: 'Add participant' }).click();
  await expect(page.getByRole('heading', { name: 'Invitation for Jo Baptiste' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'CARICOM' })).toBeVisible();

  const card = page.getByRole('region', { name: 'Invitation for Jo Baptiste' });
  const link = await card.getByLabel('Invitation link').inputValue();
  expect(link).toMatch(/\?token=/);
  await card.getByRole('button', { name: 'Show QR code' }).click();
  await expect(card.getByRole('img', { name: /QR code of the invitation link/ })).toBeVisible();

  // The invited delegate lands on the meeting page.
  const delegate = await openAs(browser, link);
  await expect(
    delegate.page.getByRole('heading', { name: 'Sixth Meeting of Ministers of Labour' }),
  ).toBeVisible();
  await expect(delegate.page.getByText('Jo Baptiste · CARICOM')).toBeVisible();

  // Create a document from a template, then revoke Jo's link.
  await page.getByRole('radio', { name: 'Institutional framework for MSMEs' }).check();
  await page.getByRole('button', { name: 'Create document' }).click();
  await expect(page.locator('.ProseMirror')).toBeVisible();
  await page.getByRole('link', { name: 'Back to the meeting' }).click();
  await expect(page.getByRole('cell', { name: 'Drafting' })).toBeVisible();
  await page.getByRole('button', { name: 'Revoke: Jo Baptiste' }).click();
  await page.getByRole('button', { name: 'Confirm revoke' }).click();
  await expect(page.getByText('The link of Jo Baptiste no longer works.')).toBeVisible();

  const revoked = await openAs(browser, link, [/status of 401/]);
  await expect(
    revoked.page.getByRole('heading', { name: 'This link no longer works' }),
  ).toBeVisible();

  // The audit log shows who was invited and whose link was revoked.
  const audit = page.getByRole('region', { name: 'Audit log' });
  await audit.getByRole('button', { name: 'Refresh' }).click();
  await expect(
    audit.getByRole('row').filter({ hasText: 'Link revoked' }).filter({ hasText: 'Jo Baptiste' }),
  ).toHaveCount(1);
  await expect(
    audit
      .getByRole('row')
      .filter({ hasText: 'Participant added' })
      .filter({ hasText: 'Jo Baptiste' }),
  ).toHaveCount(1);
  for (const opened of [admin, delegate, revoked]) expect(opened.errors).toEqual([]);
});
