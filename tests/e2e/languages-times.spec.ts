import { expect, openAs, test } from './fixtures';
import { addChair, twoDelegations } from './scene';

// A delegate reading from Madrid, in Spanish, at a meeting held on New York's clock (the default).
test.use({ locale: 'es-ES', timezoneId: 'Europe/Madrid' });

test('[Y8] a reader in another zone sees times on the meeting’s clock, with their own time in the tooltip', async ({
  browser,
  accord,
  request,
  server,
}) => {
  const scene = await twoDelegations(accord);
  const chair = await addChair(accord, scene);
  const named = await request.post(`${server.url}/api/documents/${scene.documentId}/versions`, {
    headers: { Authorization: `Bearer ${chair.token}` },
    data: { label: 'Borrador cero' },
  });
  expect(named.status()).toBe(201);
  const belize = await openAs(
    browser,
    accord.link(`/documents/${scene.documentId}`, scene.belize.token),
  );
  const { page } = belize;
  await expect(page.getByRole('status', { name: 'Conexión' })).toHaveAttribute(
    'data-state',
    'synced',
  );
  await page.getByRole('button', { name: 'Historial', exact: true }).click();
  const version = page.locator('.history-timeline__item', { hasText: 'Borrador cero' });
  const time = version.locator('time');
  // New York is five hours behind UTC in winter and six behind Madrid, in summer four and six.
  await expect(time).toHaveText(/^\d{1,2} \S+ \d{4}, \d{1,2}:\d{2} GMT-[45]$/);
  await expect(time).toHaveAttribute(
    'title',
    /^Su hora: \d{1,2} \S+ \d{4}, \d{1,2}:\d{2} (GMT\+[12]|CES?T)$/,
  );
  const [shown, own] = await Promise.all([time.textContent(), time.getAttribute('title')]);
  const hour = (text: string | null) => Number(/(\d{1,2}):\d{2}/.exec(text ?? '')?.[1]);
  // Six hours apart, five in the weeks when only one of the two has changed its clocks.
  expect([5, 6]).toContain((hour(own) - hour(shown) + 24) % 24);
  expect(shown).not.toContain('UTC');
  expect(belize.errors).toEqual([]);
});
