import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openAs, test } from './fixtures';
import { addChair, openEditor, operative, twoDelegations } from './scene';

/** Long enough that eight of them overflow the room view's screen at 1280×720. */
function measure(n: number): string {
  return `To consider measure ${n} on access to finance, digital payments and the simplification of procedures for micro, small and medium-sized enterprises`;
}

/** Serious and critical axe violations, as "rule: target" lines for a readable failure. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`),
    );
}

/** A new operative paragraph at the end, its text inserted at once (not typed key by key). */
async function addOperative(page: Page, text: string): Promise<void> {
  await page.locator('.ProseMirror').click();
  await page.keyboard.press('Control+End');
  await page.getByRole('button', { name: 'New operative paragraph' }).click();
  await page.keyboard.insertText(text);
}

test('[NB40] the room view highlights and scrolls to the paragraph the chair is in, and follows when the chair moves', async ({
  browser,
  accord,
}) => {
  const scene = await twoDelegations(accord);
  const chairInvitation = await addChair(accord, scene);
  const observer = await accord.addParticipant(scene.meetingId, {
    name: 'Lee Grant',
    role: 'observer',
  });
  const chair = await openEditor(browser, accord, scene.documentId, chairInvitation.token);
  for (let n = 1; n <= 8; n++) await addOperative(chair.page, measure(n));
  await expect.poll(() => accord.textOf(scene.documentId)).toContain(measure(8));

  // The projector in the room: an observer's link on another machine.
  const room = await openAs(
    browser,
    accord.link(`/documents/${scene.documentId}/room`, observer.token),
  );
  const text = room.page.getByRole('textbox', { name: 'Text of Room view' });
  await expect(text).toContainText(measure(8));
  const inRoom = (n: number) =>
    room.page.locator('[data-type="operative"]', { hasText: measure(n) });

  // The chair puts the cursor in the third of these paragraphs.
  await operative(chair.page, measure(3)).click();
  // Carets are relayed in batches after the text is on disk: on a busy machine the first one
  // can take longer than the default wait.
  await expect(inRoom(3)).toHaveClass(/\broom-current\b/, { timeout: 30_000 });
  await expect(inRoom(3)).toHaveAttribute('aria-current', 'true');
  await expect(inRoom(3)).toBeInViewport();
  await expect(room.page.locator('.room-current')).toHaveCount(1);
  // The last one is off the screen: the room sees the chair's paragraph, not the end.
  await expect(inRoom(8)).not.toBeInViewport();

  // The chair moves to the end from the keyboard: the room follows and lets the third go.
  await chair.page.keyboard.press('Control+End');
  await expect(inRoom(8)).toHaveClass(/\broom-current\b/);
  await expect(inRoom(8)).toHaveAttribute('aria-current', 'true');
  await expect(inRoom(8)).toBeInViewport();
  await expect(inRoom(3)).not.toHaveClass(/\broom-current\b/);
  await expect(inRoom(3)).not.toHaveAttribute('aria-current', /.*/);
  await expect(inRoom(3)).not.toBeInViewport();
  await expect(room.page.locator('.room-current')).toHaveCount(1);

  // And back up by a click: the highlight is where the chair is, one paragraph at a time.
  await operative(chair.page, measure(5)).click();
  await expect(inRoom(5)).toHaveAttribute('aria-current', 'true');
  await expect(inRoom(5)).toBeInViewport();
  await expect(room.page.locator('[aria-current="true"]')).toHaveCount(1);
  // The highlighted paragraph reads as well as the rest (contrast, roles) on the projector.
  expect(await seriousViolations(room.page)).toEqual([]);

  expect(chair.errors).toEqual([]);
  expect(room.errors).toEqual([]);
});
