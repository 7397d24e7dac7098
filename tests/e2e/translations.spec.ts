import { expect, openAs, test } from './fixtures';
import { OPERATIVE, addChair, twoDelegations } from './scene';

// A delegate whose browser speaks Spanish, as in Guatemala City.
test.use({ locale: 'es-ES' });

test('[LV2] a Spanish version shows a paragraph the English original changed as stale, with the change, until it is edited', async ({
  browser,
  accord,
  request,
  server,
}) => {
  const scene = await twoDelegations(accord);
  const chair = await addChair(accord, scene);
  const created = await request.post(
    `${server.url}/api/documents/${scene.documentId}/translations`,
    {
      headers: { Authorization: `Bearer ${chair.token}` },
      data: { language: 'es' },
    },
  );
  expect(created.status()).toBe(201);
  const spanishId = ((await created.json()) as { id: string }).id;
  const stale = async () => {
    const answer = await request.get(`${server.url}/api/documents/${spanishId}/stale`, {
      headers: { Authorization: `Bearer ${scene.chile.token}` },
    });
    return ((await answer.json()) as { paragraphs: { paragraphId: string; after: string }[] })
      .paragraphs;
  };
  expect(await stale()).toEqual([]);

  // Belize changes the first operative paragraph of the English original.
  const original = await openAs(
    browser,
    accord.link(`/documents/${scene.documentId}`, scene.belize.token),
  );
  await expect(original.page.getByRole('status', { name: 'Conexión' })).toHaveAttribute(
    'data-state',
    'synced',
    { timeout: 30_000 },
  );
  const englishParagraph = original.page.locator(OPERATIVE).first();
  // At the start of its first line: a click in a wrapped paragraph's middle lands on any line.
  await englishParagraph.click({ position: { x: 4, y: 4 } });
  await original.page.keyboard.press('Home');
  await original.page.keyboard.type('Firmly, ');
  await expect
    .poll(async () => (await stale()).map((p) => p.after.startsWith('Firmly, To urge')))
    .toEqual([true]);

  // Chile, in the Spanish version, sees it highlighted side by side, with the English change.
  const version = await openAs(browser, accord.link(`/documents/${spanishId}`, scene.chile.token));
  const { page } = version;
  await expect(page.getByRole('status', { name: 'Conexión' })).toHaveAttribute(
    'data-state',
    'synced',
    { timeout: 30_000 },
  );
  await expect(page.getByText('Versión en español de un original.')).toBeVisible();
  await page.getByRole('button', { name: 'Ver junto al original' }).click();
  const view = page.getByRole('region', {
    name: 'El original y esta versión, párrafo por párrafo',
  });
  await expect(view.getByRole('columnheader', { name: 'Original (inglés)' })).toBeVisible();
  const staleRow = view.locator('.side-by-side__row--stale');
  await expect(staleRow).toHaveCount(1);
  await expect(staleRow.locator('ins').first()).toHaveText(/^Firmly,\s*$/);
  await expect(staleRow).toContainText('El original ha cambiado desde');
  await expect(
    view.getByText('1 párrafo de esta versión ya no corresponde al original.'),
  ).toBeVisible();

  // Chile edits the Spanish paragraph: it is no longer stale, in the API and in the view.
  const staleId = (await stale())[0]!.paragraphId;
  // Anywhere in the paragraph: any edit by a person means the version follows the original again.
  await page.getByRole('button', { name: 'Ocultar la vista paralela' }).click();
  await page.locator(`${OPERATIVE}[data-id="${staleId}"]`).click();
  await page.keyboard.type(' revisado');
  await expect.poll(async () => (await stale()).length).toBe(0);
  await page.getByRole('button', { name: 'Ver junto al original' }).click();
  await expect(view.locator('.side-by-side__row').first()).toBeVisible();
  await expect(staleRow).toHaveCount(0, { timeout: 15_000 });
  await expect(
    view.getByText('0 párrafos de esta versión ya no corresponden al original.'),
  ).toBeVisible();

  expect(original.errors).toEqual([]);
  expect(version.errors).toEqual([]);
});
