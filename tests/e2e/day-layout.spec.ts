import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addChair, appendOperative, openEditor, twoDelegations } from './scene';

/** How many rows the groups on `toolbar` take (tops compared to within a few pixels). */
async function rowsOf(toolbar: Locator): Promise<number> {
  return toolbar.evaluate((element) => {
    const tops = new Set<number>();
    for (const item of Array.from(element.querySelectorAll(':scope > [data-overflow-item]')))
      tops.add(Math.round(item.getBoundingClientRect().top / 8));
    return tops.size;
  });
}

/** Whether `locator` lies wholly inside the window, so nothing of it is clipped. */
async function withinWindow(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  return box !== null && box.x >= 0 && box.x + box.width <= width && box.width > 0;
}

test('[MD20] at 768 px the side panels are a drawer: a button opens it, Escape closes it, focus returns', async ({
  browser,
  accord,
}) => {
  const scene = await twoDelegations(accord);
  const belize = await openEditor(browser, accord, scene.documentId, scene.belize.token);
  await belize.page.setViewportSize({ width: 768, height: 1024 });
  const presence = belize.page.getByRole('heading', { name: /^Present/ });
  await expect(presence).toBeHidden();

  const opener = belize.page.getByRole('button', { name: 'Panels' });
  await expect(opener).toHaveAttribute('aria-expanded', 'false');
  await opener.click();
  await expect(opener).toHaveAttribute('aria-expanded', 'true');
  await expect(presence).toBeVisible();
  await expect(belize.page.getByText('Dana Young (you)')).toBeVisible();
  // The drawer has the whole of its width on screen, not 270 px squeezed beside the text.
  const drawer = belize.page.getByRole('region', { name: 'Panels' });
  expect(await withinWindow(belize.page, drawer)).toBe(true);
  await expect(drawer).toBeFocused();

  await belize.page.keyboard.press('Escape');
  await expect(presence).toBeHidden();
  await expect(opener).toBeFocused();
  await expect(opener).toHaveAttribute('aria-expanded', 'false');

  // Wide again, the panels are back beside the text, without the button.
  await belize.page.setViewportSize({ width: 1366, height: 768 });
  await expect(presence).toBeVisible();
  await expect(opener).toHaveCount(0);
  expect(belize.errors).toEqual([]);
});

test('[MD21] at 768 px the toolbar keeps one row and “+ Alternative (bis)” is behind “More”, unclipped', async ({
  browser,
  accord,
}) => {
  const scene = await twoDelegations(accord);
  const belize = await openEditor(browser, accord, scene.documentId, scene.belize.token);
  await appendOperative(belize.page, 'To promote digital payments');
  await belize.page.setViewportSize({ width: 768, height: 1024 });
  const toolbar = belize.page.getByRole('toolbar', { name: 'Formatting and paragraphs' });
  await expect.poll(() => rowsOf(toolbar)).toBe(1);

  const more = toolbar.getByRole('button', { name: 'More' });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await more.click();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  const alternative = belize.page.getByRole('button', { name: /Alternative \(bis\)/ });
  await expect(alternative).toBeVisible();
  expect(await withinWindow(belize.page, alternative)).toBe(true);
  await alternative.click();
  // The cursor stayed in the operative paragraph: the alternative follows it.
  await expect(belize.page.locator('[data-alternative="true"]')).toHaveCount(1);

  await more.focus();
  await belize.page.keyboard.press('Escape');
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await expect(alternative).toBeHidden();
  await expect(more).toBeFocused();
  expect(belize.errors).toEqual([]);
});

test('[MD21] at 1366 px with History open the chair’s toolbar stays on one row', async ({
  browser,
  accord,
}) => {
  const scene = await twoDelegations(accord);
  const chairInvitation = await addChair(accord, scene);
  const chair = await openEditor(browser, accord, scene.documentId, chairInvitation.token);
  await chair.page.setViewportSize({ width: 1366, height: 768 });
  // In a paragraph, so the chair's status menu is in the toolbar too.
  await appendOperative(chair.page, 'To promote digital payments');
  await chair.page.getByRole('button', { name: 'History', exact: true }).click();
  await expect(chair.page.getByRole('region', { name: 'History', exact: true })).toBeVisible();
  const toolbar = chair.page.getByRole('toolbar', { name: 'Formatting and paragraphs' });
  await expect.poll(() => rowsOf(toolbar)).toBe(1);
  const height = await toolbar.evaluate((element) => element.getBoundingClientRect().height);
  expect(height).toBeLessThan(60);
  await toolbar.getByRole('button', { name: 'More' }).click();
  await expect(chair.page.getByRole('combobox', { name: 'Paragraph status' })).toBeVisible();
  expect(chair.errors).toEqual([]);
});

test('[MD25] one “History” control opens and closes the history; no second name for it', async ({
  browser,
  accord,
}) => {
  const scene = await twoDelegations(accord);
  const belize = await openEditor(browser, accord, scene.documentId, scene.belize.token);
  await belize.page.setViewportSize({ width: 1366, height: 768 });
  const toggle = belize.page.getByRole('button', { name: 'History', exact: true });
  const panel = belize.page.getByRole('region', { name: 'History', exact: true });
  await toggle.click();
  await expect(panel).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(belize.page.getByRole('button', { name: /history/i })).toHaveCount(1);
  await expect(belize.page.getByText(/Hide history|Close history/)).toHaveCount(0);
  await toggle.click();
  await expect(panel).toHaveCount(0);
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');

  // At 768 px the history is a drawer: Escape closes it and focus returns to the same control.
  await belize.page.setViewportSize({ width: 768, height: 1024 });
  await toggle.click();
  await expect(panel).toBeVisible();
  await belize.page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(toggle).toBeFocused();
  expect(belize.errors).toEqual([]);
});
