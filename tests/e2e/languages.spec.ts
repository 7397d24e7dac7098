import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openAs, test } from './fixtures';
import { addChair, twoDelegations } from './scene';

// The browser says Spanish (navigator.languages and Accept-Language), as on a laptop in Guatemala City.
test.use({ locale: 'es-ES' });

/** Serious and critical axe violations, as "rule: target" lines for a readable failure. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`),
    );
}

/** English labels of the editor, history panel and export dialog that must not be left on the page. */
const ENGLISH_LABELS = [
  'History',
  'Hide history',
  'Export',
  'Export this document',
  'Connection',
  'Connected · up to date',
  'Present',
  'Bold',
  'Italic',
  'New operative paragraph',
  'New preambular paragraph',
  'Clear this device',
  'Back to the meeting',
  'Versions',
  'Compare two versions',
  'Compare',
  'Changes since my last visit',
  'Name version',
  'Close history',
  'Named',
  'Format',
  'Version',
  'Current text',
  'Changes',
  'Clean text',
  'Plain text',
  'Download',
  'Close',
  'Delegate',
  'Language',
];

/**
 * Every piece of text a person sees or hears on the page: the visible lines, and the names
 * given only to assistive technology (aria-label, placeholder, title).
 */
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

async function expectNoEnglishLabel(page: Page): Promise<void> {
  const labels = new Set(await labelsOnPage(page));
  // The walk sees the page's own labels (so an empty walk cannot pass).
  expect(labels).toContain('Conectado · actualizado');
  expect(labels).toContain('Exportar este documento');
  expect(ENGLISH_LABELS.filter((label) => labels.has(label))).toEqual([]);
}

/** A month as Spanish abbreviates it ("4 dic 2026"), never "Dec". */
const SPANISH_DATE = /\d{1,2} (ene|feb|mar|abr|may|jun|jul|ago|sept?|oct|nov|dic) \d{4}/;

test('[Y2] [Y3] [Y4] a delegate’s editor, history and export open in Spanish from the browser, and a switch to French survives a reload', async ({
  browser,
  accord,
  request,
  server,
}) => {
  const scene = await twoDelegations(accord);
  // The chair names the zero draft; the delegate will find it in the history.
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

  // The editor, in Spanish, from the browser's language alone.
  await expect(page.getByRole('status', { name: 'Conexión' })).toHaveAttribute(
    'data-state',
    'synced',
  );
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByLabel('Idioma')).toHaveValue('es');
  await expect(page.getByText('Conectado · actualizado')).toBeVisible();
  await expect(
    page.getByText('Sesión iniciada como Dana Young · Belize · Delegado(a)'),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Volver a la reunión' })).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'Borrar los datos de este dispositivo' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Presentes' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Negrita' })).toBeVisible();
  await page.locator('.ProseMirror').click();
  await page.keyboard.press('Control+End');
  await page.getByRole('button', { name: 'Nuevo párrafo resolutivo' }).click();
  await page.keyboard.type('Instar a los Estados Miembros a promover los pagos digitales');
  await expectNoEnglishLabel(page);
  expect(await seriousViolations(page)).toEqual([]);

  // The history panel: the chair's named version, its kind and its date in Spanish.
  await page.getByRole('button', { name: 'Historial', exact: true }).click();
  const panel = page.getByRole('region', { name: 'Historial', exact: true });
  await expect(panel.getByRole('heading', { name: 'Versiones', exact: true })).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'Comparar dos versiones' })).toBeVisible();
  await expect(
    panel.getByText('Puede leer y comparar todas las versiones.', { exact: false }),
  ).toBeVisible();
  const version = panel.locator('.history-timeline__item', { hasText: 'Borrador cero' });
  await expect(version).toContainText('Con nombre');
  await expect(version).toContainText('María Pérez · Panama');
  await expect(version).toContainText(SPANISH_DATE);
  // One control opens and closes the history: "Historial", now expanded.
  await expect(page.getByRole('button', { name: 'Historial', exact: true })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await expectNoEnglishLabel(page);
  expect(await seriousViolations(page)).toEqual([]);

  // The export dialog.
  await page.getByRole('button', { name: 'Exportar este documento' }).click();
  const dialog = page.getByRole('dialog', { name: /^Exportar / });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('group', { name: 'Formato' })).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'Texto sin formato' })).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'Página web (HTML)' })).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'Texto limpio' })).toBeChecked();
  await expect(dialog.getByLabel('Versión', { exact: true })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Descargar' })).toBeVisible();
  await expectNoEnglishLabel(page);
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Cerrar' }).click();
  await expect(dialog).toBeHidden();

  // The switcher, in the header of every page: each language named in itself.
  const switcher = page.getByLabel('Idioma');
  await expect(switcher.locator('option')).toHaveText([
    'English',
    'Español',
    'Français',
    'Português',
  ]);
  await switcher.selectOption({ label: 'Français' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('button', { name: 'Exporter ce document' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Connexion' })).toBeVisible();

  // Remembered on the device: a reload opens in French although the browser still says Spanish.
  await page.reload();
  await expect(page.getByRole('status', { name: 'Connexion' })).toHaveAttribute(
    'data-state',
    'synced',
  );
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByLabel('Langue')).toHaveValue('fr');
  await expect(page.getByRole('button', { name: 'Historique', exact: true })).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'Nouveau paragraphe du dispositif' }),
  ).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  expect(belize.errors).toEqual([]);
});

test('[Y2] [Y3] the page for someone without an invitation link also opens in Spanish and can be switched', async ({
  browser,
  server,
}) => {
  const opened = await openAs(browser, server.url);
  const { page } = opened;
  await expect(page.getByRole('heading', { name: 'Abra su enlace de invitación' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await page.getByLabel('Idioma').selectOption('pt');
  await expect(page.getByRole('heading', { name: 'Abra seu link de convite' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt');
  expect(await seriousViolations(page)).toEqual([]);
  expect(opened.errors).toEqual([]);
});
