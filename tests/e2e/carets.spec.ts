import { expect, test } from './fixtures';
import { appendOperative, bothDelegationsEditing } from './scene';

test("[O4] a remote caret's label shows while its delegate types, fades after about two seconds, and shows again on hover", async ({
  browser,
  accord,
}) => {
  const { belize, chile } = await bothDelegationsEditing(browser, accord);
  for (const { page } of [belize, chile]) await page.setViewportSize({ width: 1366, height: 768 });

  await appendOperative(chile.page, 'To promote digital payments');
  const label = belize.page.locator('.collaboration-carets__label[data-label="Ana Rojas · Chile"]');
  const caret = belize.page.locator('.collaboration-carets__caret', { has: label });
  await expect(label).toBeVisible();

  // Left alone, the label no longer covers the line above: faded out and hidden.
  await expect(label).toBeHidden({ timeout: 6_000 });
  await expect.poll(() => label.evaluate((element) => getComputedStyle(element).opacity)).toBe('0');
  // The caret itself stays, in Chile's colour.
  await expect(caret).toBeVisible();

  // Pointing at the caret shows who it is.
  await caret.hover();
  await expect(label).toBeVisible();
  await belize.page.mouse.move(5, 5);
  await expect(label).toBeHidden();

  // Typing again brings it back.
  await chile.page.keyboard.type(' and e-invoicing');
  await expect(label).toBeVisible();
  await expect(label).toBeHidden({ timeout: 6_000 });

  for (const opened of [belize, chile]) expect(opened.errors).toEqual([]);
});

test('[O2] carets, presence and the meeting agree on each delegation’s colour, and Belize and Chile differ', async ({
  browser,
  accord,
}) => {
  const { scene, belize, chile } = await bothDelegationsEditing(browser, accord);
  const { colors } = await accord.meeting(scene.meetingId);
  expect(colors.belize).toMatch(/^#[0-9a-f]{6}$/);
  expect(colors.chile).toMatch(/^#[0-9a-f]{6}$/);
  expect(colors.belize).not.toBe(colors.chile);

  await appendOperative(chile.page, 'To promote digital payments');
  const caret = belize.page.locator('.collaboration-carets__caret', {
    has: belize.page.locator('[data-label="Ana Rojas · Chile"]'),
  });
  await expect(caret).toHaveCSS('border-left-color', rgb(colors.chile ?? ''));
  const presence = belize.page.getByRole('region', { name: /Present/ });
  const chileSwatch = presence
    .locator('.presence__delegation', { hasText: 'Chile' })
    .locator('.swatch');
  const belizeSwatch = presence
    .locator('.presence__delegation', { hasText: 'Belize' })
    .locator('.swatch');
  await expect(chileSwatch).toHaveCSS('background-color', rgb(colors.chile ?? ''));
  await expect(belizeSwatch).toHaveCSS('background-color', rgb(colors.belize ?? ''));

  for (const opened of [belize, chile]) expect(opened.errors).toEqual([]);
});

function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}
