import { expect, test } from './fixtures';
import { appendOperative, operative, bothDelegationsEditing } from './scene';

const AWARENESS = 1; // y-websocket message type (shared/src/protocol.ts MessageType.awareness)
const SYNC = 0;

/**
 * With 300 devices on one conference Wi-Fi, every keystroke also moves a cursor: the client
 * sends its cursor at most about five times a second however fast its user types, while every
 * keystroke's text still goes out at once.
 */
test('cursor updates are coalesced to about five per second while typing', async ({
  browser,
  accord,
}) => {
  const { belize, chile } = await bothDelegationsEditing(browser, accord);
  await appendOperative(belize.page, 'Cursor traffic:');
  await expect(operative(chile.page, 'Cursor traffic:')).toBeVisible();

  const sent: { type: number; at: number }[] = [];
  // The socket was opened before we could listen: reopen the page's view of it via a reload.
  belize.page.on('websocket', (socket) => {
    socket.on('framesent', ({ payload }) => {
      if (typeof payload !== 'string' && payload.length > 0)
        sent.push({ type: payload[0] ?? -1, at: Date.now() });
    });
  });
  await belize.page.reload();
  await expect(belize.page.getByRole('status', { name: 'Connection' })).toHaveAttribute(
    'data-state',
    'synced',
  );
  await operative(belize.page, 'Cursor traffic:').click();
  await belize.page.keyboard.press('End');

  const start = Date.now();
  const typed = ' one two three four five six seven eight nine ten';
  await belize.page.keyboard.type(typed, { delay: 25 });
  await expect(operative(chile.page, `Cursor traffic:${typed}`)).toBeVisible();
  const seconds = (Date.now() - start) / 1000;

  const during = sent.filter((frame) => frame.at >= start);
  const awareness = during.filter((frame) => frame.type === AWARENESS).length;
  const updates = during.filter((frame) => frame.type === SYNC).length;
  expect(updates).toBeGreaterThanOrEqual(typed.length);
  expect(awareness).toBeLessThanOrEqual(Math.ceil(seconds * 5) + 2);
});
