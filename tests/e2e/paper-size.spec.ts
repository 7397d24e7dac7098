import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { expect, openAs, test } from './fixtures';

/** The page size of a PDF as pdfinfo (poppler, a reader Accord does not control) reports it. */
function pageSize(file: string): string {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return /Page size:\s+(.*)/.exec(info)?.[1]?.trim() ?? '';
}

test('[AP14] a meeting created on A4 in the secretariat’s form prints its PDF on A4, and its settings switch it back to US Letter', async ({
  browser,
  server,
  accord,
  request,
}, info) => {
  const admin = await openAs(browser, server.secretariatLink);
  const { page } = admin;
  await page.getByLabel('Title', { exact: true }).fill('Meeting of Ministers of Trade');
  // US Letter is the OAS default; the secretariat picks A4.
  await expect(page.getByLabel('Paper size')).toHaveValue('letter');
  await page.getByLabel('Paper size').selectOption('a4');
  await page.getByRole('button', { name: 'Create meeting' }).click();
  await expect(page.getByRole('heading', { name: 'Meeting of Ministers of Trade' })).toBeVisible();
  const meetingId = /\/meetings\/([A-Za-z0-9_-]+)$/.exec(page.url())![1]!;
  const printing = page.getByRole('region', { name: 'Printing' });
  await expect(printing.getByLabel('Paper size')).toHaveValue('a4');

  const document = await accord.createDocument(meetingId, 'Recommendation on access to finance');
  const pdf = async (name: string) => {
    const response = await request.get(
      `${server.url}/api/documents/${document.id}/export?format=pdf`,
      { headers: { Authorization: `Bearer ${server.adminToken}` } },
    );
    expect(response.status()).toBe(200);
    const path = info.outputPath(name);
    writeFileSync(path, await response.body());
    return path;
  };
  expect(pageSize(await pdf('a4.pdf'))).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)/);

  await printing.getByLabel('Paper size').selectOption('letter');
  await expect(printing.getByRole('status')).toHaveText('Documents now print on US Letter.');
  expect(pageSize(await pdf('letter.pdf'))).toMatch(/^612 x 792 pts \(letter\)/);
  expect(admin.errors).toEqual([]);
});
