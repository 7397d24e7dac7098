import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Brings a toolbar control into view: the toolbar keeps one row, and what does not fit the
 * window is behind its "More" button (opened here when the control is not on the row).
 */
export async function revealInToolbar(page: Page, control: Locator): Promise<void> {
  if (await control.isVisible()) return;
  const more = page.getByRole('toolbar').getByRole('button', { name: 'More' });
  if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
  await expect(control).toBeVisible();
}
