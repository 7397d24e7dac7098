import QRCode from 'qrcode';
import { expect, openAs, test } from './fixtures';
import { twoDelegations } from './scene';

/** The secretariat's meeting page for `meetingId`. */
const meetingPage = (url: string, token: string, meetingId: string) =>
  `${url}/meetings/${meetingId}?token=${token}`;

test('[MD47] a revoked participant stays listed, greyed, with when and by whom', async ({
  browser,
  server,
  accord,
}) => {
  const scene = await twoDelegations(accord);
  const { page, errors } = await openAs(
    browser,
    meetingPage(server.url, server.adminToken, scene.meetingId),
  );
  await page.getByRole('button', { name: 'Revoke: Ana Rojas' }).click();
  await page.getByRole('button', { name: 'Confirm revoke' }).click();
  const panel = page.getByRole('region', { name: 'Participants' });
  const row = panel.getByRole('row').filter({ hasText: 'Ana Rojas' });
  await expect(row).toContainText(/Revoked on .+ by Secretariat/);
  await expect(row.getByRole('button')).toHaveCount(0);
  await expect(row).toHaveClass(/participant--revoked/);
  // Still there after a reload: the server keeps it.
  await page.reload();
  await expect(panel.getByRole('row').filter({ hasText: 'Ana Rojas' })).toContainText('Revoked on');
  expect(errors).toEqual([]);
});

test('[MD48] the invitation sheet has one QR code per delegation, and each code signs its delegate in', async ({
  browser,
  server,
  accord,
}) => {
  const scene = await twoDelegations(accord);
  await accord.addParticipant(scene.meetingId, { name: 'Lee Morgan', role: 'observer' });
  const { page, errors } = await openAs(
    browser,
    meetingPage(server.url, server.adminToken, scene.meetingId),
  );
  await page.getByRole('button', { name: 'Print invitation sheet' }).click();
  // Delegations are chosen by default, observers are not.
  await expect(page.getByRole('checkbox', { name: /Lee Morgan/ })).not.toBeChecked();
  await expect(page.getByText(/current links stop working/)).toBeVisible();
  await page.getByRole('button', { name: 'Issue 2 new links and show the sheet' }).click();

  const sheet = page.getByRole('dialog', { name: 'Invitation sheet: 2 participants' });
  await expect(sheet).toBeVisible();
  const cards = sheet.getByRole('listitem');
  await expect(cards).toHaveCount(2);
  for (const [name, delegation] of [
    ['Dana Young', 'Belize'],
    ['Ana Rojas', 'Chile'],
  ] as const) {
    const card = sheet.getByRole('listitem', {
      name: `Invitation card for ${name} (${delegation})`,
    });
    await expect(card.getByRole('heading', { name: delegation })).toBeVisible();
    const link = (await card.locator('.invitation-sheet__link').textContent()) ?? '';
    expect(link).toMatch(/\?token=/);
    // The QR code encodes exactly the link printed under it.
    const svg = await QRCode.toString(link, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
    await expect(card.getByRole('img', { name: new RegExp(name) })).toHaveAttribute(
      'src',
      `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`,
    );
    const delegate = await openAs(browser, link);
    await expect(delegate.page.getByText(`${name} · ${delegation}`)).toBeVisible();
    await delegate.context.close();
  }
  // The old link was withdrawn.
  const old = await openAs(browser, scene.belize.link, [/status of 401/]);
  await expect(old.page.getByRole('heading', { name: 'This link no longer works' })).toBeVisible();
  // Printed, the sheet is all there is.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { name: 'Participants' })).toBeHidden();
  await expect(cards.first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('[MD49] [MD82] a document is renamed and archived from the meeting page, and opens read-only; the audit log names both', async ({
  browser,
  server,
  accord,
}) => {
  const scene = await twoDelegations(accord);
  const { page, errors } = await openAs(
    browser,
    meetingPage(server.url, server.adminToken, scene.meetingId),
  );
  await page.getByRole('button', { name: /^Rename: / }).click();
  await page.getByLabel('New title').fill('Draft recommendation, Rev. 1');
  await page.getByRole('button', { name: 'Save title' }).click();
  await expect(page.getByRole('link', { name: 'Draft recommendation, Rev. 1' })).toBeVisible();

  await page.getByRole('button', { name: 'Archive: Draft recommendation, Rev. 1' }).click();
  await expect(page.getByRole('link', { name: 'Draft recommendation, Rev. 1' })).toBeHidden();
  await page.getByLabel(/Show archived/).check();
  await expect(page.getByRole('cell', { name: 'Archived' })).toBeVisible();
  const audit = page.getByRole('region', { name: 'Audit log' });
  await audit.getByRole('button', { name: 'Refresh' }).click();
  await expect(audit.locator('tr[data-kind="document.archived"] td').nth(1)).toHaveText(
    'Document archived',
  );
  await expect(audit.locator('tr[data-kind="document.settings"] td').nth(1)).toHaveText(
    'Document title, symbol or language changed',
  );

  const delegate = await openAs(
    browser,
    `${server.url}/documents/${scene.documentId}?token=${scene.belize.token}`,
  );
  await expect(
    delegate.page.getByRole('heading', { name: 'Draft recommendation, Rev. 1' }),
  ).toBeVisible();
  await expect(delegate.page.getByText('This document is archived')).toBeVisible();
  await expect(delegate.page.locator('.ProseMirror')).toHaveAttribute('contenteditable', 'false');
  expect([...errors, ...delegate.errors]).toEqual([]);
});
