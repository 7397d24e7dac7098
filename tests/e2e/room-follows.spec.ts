import type { Page } from '@playwright/test';
import { expect, openAs, test } from './fixtures';
import { addChair, openEditor, operative, twoDelegations } from './scene';

/** Long enough that a dozen of them overflow the room view's screen at 1280×720. */
function measure(n: number): string {
  return `To consider measure ${n} on access to finance, digital payments and the simplification of procedures for micro, small and medium-sized enterprises`;
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
  for (let n = 1; n <= 12; n++) await addOperative(chair.page, measure(n));
  await expect.poll(() => accord.textOf(scene.documentId)).toContain(measure(12));

  // The projector in the room: an observer's link on another machine.
  const room = await openAs(
    browser,
    accord.link(`/documents/${scene.documentId}/room`, observer.token),
  );
  const text = room.page.getByRole('textbox', { name: 'Text of Room view' });
  await expect(text).toContainText(measure(12));
  const inRoom = (n: number) =>
    room.page.locator('[data-type="operative"]', { hasText: measure(n) });

  // The chair puts the cursor in the third of these paragraphs.
  await operative(chair.page, measure(3)).click();
  await expect(inRoom(3)).toHaveClass(/\broom-current\b/);
  await expect(inRoom(3)).toHaveAttribute('aria-current', 'true');
  await expect(inRoom(3)).toBeInViewport();
  await expect(room.page.locator('.room-current')).toHaveCount(1);
  // The last one is off the screen: the room sees the chair's paragraph, not the end.
  await expect(inRoom(12)).not.toBeInViewport();

  // The chair moves to the end from the keyboard: the room follows and lets the third go.
  await chair.page.keyboard.press('Control+End');
  await expect(inRoom(12)).toHaveClass(/\broom-current\b/);
  await expect(inRoom(12)).toHaveAttribute('aria-current', 'true');
  await expect(inRoom(12)).toBeInViewport();
  await expect(inRoom(3)).not.toHaveClass(/\broom-current\b/);
  await expect(inRoom(3)).not.toHaveAttribute('aria-current', /.*/);
  await expect(inRoom(3)).not.toBeInViewport();
  await expect(room.page.locator('.room-current')).toHaveCount(1);

  // And back up by a click: the highlight is where the chair is, one paragraph at a time.
  await operative(chair.page, measure(7)).click();
  await expect(inRoom(7)).toHaveAttribute('aria-current', 'true');
  await expect(inRoom(7)).toBeInViewport();
  await expect(room.page.locator('[aria-current="true"]')).toHaveCount(1);

  expect(chair.errors).toEqual([]);
  expect(room.errors).toEqual([]);
});
