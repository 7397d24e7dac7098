import type { Page } from '@playwright/test';
import { en } from '../../client/src/i18n/en';
import { es } from '../../client/src/i18n/es';
import { LANGUAGE_NAMES } from '../../client/src/i18n/languages';
import { expect, openAs, test } from './fixtures';
import { addChair, operative, twoDelegations } from './scene';

// Spanish from the browser's language, as on a laptop in Guatemala City.
test.use({ locale: 'es-ES' });

type Tree = { readonly [key: string]: string | Tree };

function values(tree: Tree): string[] {
  return Object.values(tree).flatMap((value) =>
    typeof value === 'string' ? [value] : values(value),
  );
}

/**
 * The English catalogue's sentences that Spanish says otherwise: any of them on a Spanish page
 * is a string that skipped `t()`, or a key left untranslated. Sentences with placeholders
 * cannot be matched whole, so they are left out.
 */
const spanishValues = new Set(values(es));
// The switcher names each language in itself ("English" beside "Español") on purpose.
const SELF_NAMES = new Set(Object.values(LANGUAGE_NAMES));
const ENGLISH = new Set(
  values(en as Tree).filter(
    (text) => !text.includes('{{') && !spanishValues.has(text) && !SELF_NAMES.has(text),
  ),
);

const ENGLISH_DATE = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d|\d (AM|PM)\b/;

/** Every text a person sees or hears: visible lines, and aria-label, placeholder and title. */
async function labelsOnPage(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts = document.body.innerText.split('\n');
    for (const element of Array.from(
      document.querySelectorAll('[aria-label], [placeholder], [title]'),
    )) {
      for (const name of ['aria-label', 'placeholder', 'title']) {
        const value = element.getAttribute(name);
        if (value) texts.push(value);
      }
    }
    return texts.map((text) => text.trim()).filter((text) => text !== '');
  });
}

async function expectSpanishOnly(page: Page, where: string): Promise<void> {
  const labels = await labelsOnPage(page);
  expect(labels.length, `${where}: the page shows text`).toBeGreaterThan(0);
  expect
    .soft(
      labels.filter((label) => ENGLISH.has(label)),
      `${where}: English left`,
    )
    .toEqual([]);
  // Dates and times written the English way ("Dec 4", "9:04 AM") are English too.
  expect
    .soft(
      labels.filter((label) => ENGLISH_DATE.test(label)),
      `${where}: English dates`,
    )
    .toEqual([]);
}

test('[Y14] every page, panel and dialog opened in Spanish shows no English catalogue text', async ({
  browser,
  accord,
  server,
}) => {
  const scene = await twoDelegations(accord);
  const chair = await addChair(accord, scene);

  const secretariat = await openAs(browser, server.secretariatLink);
  await expect(secretariat.page.getByRole('main').getByRole('heading').first()).toBeVisible();
  await expectSpanishOnly(secretariat.page, 'secretariat');

  const opened = await openAs(browser, accord.link(`/meetings/${scene.meetingId}`, chair.token));
  const { page } = opened;
  await expect(page.getByRole('main').getByRole('heading').first()).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { name: 'Partir de un modelo' })).toBeVisible();
  await expectSpanishOnly(page, 'meeting, with its gallery');

  await page.goto(`${server.url}/documents/${scene.documentId}`);
  await expect(page.getByRole('status', { name: 'Conexión' })).toHaveAttribute(
    'data-state',
    'synced',
  );
  await expectSpanishOnly(page, 'editor');
  await page.getByRole('button', { name: 'Historial', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Historial', exact: true })).toBeVisible();
  await expectSpanishOnly(page, 'history');
  await page.getByRole('button', { name: 'Exportar este documento' }).click();
  await expect(page.getByRole('dialog', { name: /^Exportar / })).toBeVisible();
  await expectSpanishOnly(page, 'export dialog');
  await page.getByRole('dialog').getByRole('button', { name: 'Cerrar' }).click();

  await page.goto(`${server.url}/documents/${scene.documentId}/room`);
  await expect(page.getByRole('main').getByRole('heading').first()).toBeVisible();
  await expectSpanishOnly(page, 'room view');

  await page.goto(`${server.url}/no-such-page`);
  await expect(page.getByRole('heading', { name: 'Página no encontrada' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('heading').first()).toBeVisible();
  await expectSpanishOnly(page, 'not found');

  expect(opened.errors).toEqual([]);
  expect(secretariat.errors).toEqual([]);
});

test("[Y35] the comments and proposals panels with a thread and a proposal, the chair's dashboard, the room view and the side-by-side view speak Spanish only", async ({
  browser,
  accord,
  request,
  server,
}) => {
  const scene = await twoDelegations(accord);
  const chair = await addChair(accord, scene);
  const opened = await openAs(browser, accord.link(`/documents/${scene.documentId}`, chair.token));
  const { page } = opened;
  await expect(page.getByRole('status', { name: 'Conexión' })).toHaveAttribute(
    'data-state',
    'synced',
  );

  // The chair writes a paragraph and comments on it: the comments panel holds a thread.
  await page.locator('.ProseMirror').click();
  await page.keyboard.press('Control+End');
  await page.getByRole('button', { name: 'Nuevo párrafo resolutivo' }).click();
  await page.keyboard.type('To promote small enterprises');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Control+Alt+M');
  await page.getByLabel('Su comentario').fill('Mencionar los bancos de desarrollo.');
  await page.getByRole('button', { name: 'Publicar el comentario' }).click();
  // The chair's own thread is "Su comentario", not "Comentario de Usted".
  await expect(
    page
      .getByRole('article', { name: /^Su comentario sobre / })
      .getByText('Mencionar los bancos de desarrollo.'),
  ).toBeVisible();

  // Belize proposes words: the chair's proposals panel lists a proposal.
  const belize = await openAs(
    browser,
    accord.link(`/documents/${scene.documentId}`, scene.belize.token),
  );
  await expect(belize.page.getByRole('status', { name: 'Conexión' })).toHaveAttribute(
    'data-state',
    'synced',
  );
  await belize.page.getByRole('checkbox', { name: 'Proponer cambios' }).check();
  await operative(belize.page, 'To promote small').click();
  await belize.page.keyboard.press('End');
  await belize.page.keyboard.type(' in the region');
  const proposals = page.getByRole('region', { name: 'Propuestas' });
  await expect(proposals.getByRole('listitem').filter({ hasText: 'in the region' })).toBeVisible();
  await expectSpanishOnly(page, 'comments and proposals panels');
  await expectSpanishOnly(belize.page, 'a delegate proposing');

  await page.getByText('Panel de la presidencia', { exact: true }).first().click();
  await expect(page.getByRole('region', { name: 'Panel de la presidencia' })).toBeVisible();
  await expectSpanishOnly(page, "chair's dashboard");

  await page.goto(`${server.url}/documents/${scene.documentId}/room`);
  await expect(page.getByRole('main').getByRole('heading').first()).toBeVisible();
  await expect(page.getByText('To promote small enterprises')).toBeVisible();
  await expectSpanishOnly(page, 'room view, with text');

  // A Spanish version of the English original, opened beside it.
  const created = await request.post(
    `${server.url}/api/documents/${scene.documentId}/translations`,
    { headers: { Authorization: `Bearer ${chair.token}` }, data: { language: 'es' } },
  );
  expect(created.status()).toBe(201);
  const spanishId = ((await created.json()) as { id: string }).id;
  await page.goto(`${server.url}/documents/${spanishId}`);
  await expect(page.getByRole('status', { name: 'Conexión' })).toHaveAttribute(
    'data-state',
    'synced',
  );
  await page.getByRole('button', { name: 'Ver junto al original' }).click();
  const view = page.getByRole('region', {
    name: 'El original y esta versión, párrafo por párrafo',
  });
  await expect(view.getByRole('columnheader', { name: 'Original (inglés)' })).toBeVisible();
  await expect(view.locator('.side-by-side__row').first()).toBeVisible();
  await expectSpanishOnly(page, 'side-by-side view');

  expect(opened.errors).toEqual([]);
  expect(belize.errors).toEqual([]);
});
