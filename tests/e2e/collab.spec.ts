import { expect, test } from './fixtures';
import { publishScreenshot } from './screenshots';
import { appendOperative, operative, bothDelegationsEditing } from './scene';

test('[J1] two delegations type in one paragraph at once and see each other', async ({
  browser,
  accord,
}, testInfo) => {
  const { scene, belize, chile } = await bothDelegationsEditing(browser, accord);

  await appendOperative(belize.page, 'to promote access to finance for MSMEs');
  const inChile = operative(chile.page, 'to promote access to finance for MSMEs');
  await expect(inChile).toBeVisible();

  // Belize writes at the end of the paragraph, Chile at its start, both at the same time.
  await chile.page.locator('.ProseMirror').focus();
  await inChile.click();
  await chile.page.keyboard.press('Home');
  await Promise.all([
    belize.page.keyboard.type(' and cooperatives', { delay: 15 }),
    chile.page.keyboard.type('To encourage member states ', { delay: 15 }),
  ]);

  const expected =
    'To encourage member states to promote access to finance for MSMEs and cooperatives';
  await expect(operative(belize.page, expected)).toHaveText(expected);
  await expect(operative(chile.page, expected)).toHaveText(expected);
  await expect.poll(() => accord.textOf(scene.documentId)).toContain(expected);

  // Each sees the other's labelled caret (the label itself fades two seconds after typing,
  // [O4]), and both delegations in the presence list.
  await expect(
    belize.page.locator('.collaboration-carets__caret', {
      has: belize.page.locator('[data-label="Ana Rojas · Chile"]'),
    }),
  ).toBeVisible();
  await expect(
    chile.page.locator('.collaboration-carets__caret', {
      has: chile.page.locator('[data-label="Dana Young · Belize"]'),
    }),
  ).toBeVisible();
  for (const { page } of [belize, chile]) {
    const presence = page.getByRole('region', { name: /Present/ });
    await expect(presence).toContainText('Belize');
    await expect(presence).toContainText('Chile');
    await expect(presence).toContainText('Dana Young');
    await expect(presence).toContainText('Ana Rojas');
  }

  const shot = testInfo.outputPath('editor-two-delegations.png');
  await belize.page.screenshot({ path: shot });
  await testInfo.attach('editor with two delegations', { path: shot, contentType: 'image/png' });
  publishScreenshot(shot, 'screenshot-editor.png');

  expect(belize.errors).toEqual([]);
  expect(chile.errors).toEqual([]);
});

test('[J2] operative numbering updates on both pages when a paragraph is inserted above', async ({
  browser,
  accord,
}) => {
  const { belize, chile } = await bothDelegationsEditing(browser, accord);

  await appendOperative(belize.page, 'Alpha paragraph');
  await appendOperative(belize.page, 'Omega paragraph');
  const omega = operative(chile.page, 'Omega paragraph');
  await expect(omega).toHaveAttribute('data-number', /^\d+\.$/);
  const before = Number.parseInt((await omega.getAttribute('data-number')) ?? '', 10);
  await expect(operative(chile.page, 'Alpha paragraph')).toHaveAttribute(
    'data-number',
    `${before - 1}.`,
  );

  // Chile inserts a paragraph between the two: Omega moves down one number everywhere.
  await operative(chile.page, 'Alpha paragraph').click();
  await chile.page.keyboard.press('End');
  await chile.page.getByRole('button', { name: 'New operative paragraph' }).click();
  await chile.page.keyboard.type('Inserted paragraph');
  for (const { page } of [belize, chile]) {
    await expect(operative(page, 'Inserted paragraph')).toHaveAttribute(
      'data-number',
      `${before}.`,
    );
    await expect(operative(page, 'Omega paragraph')).toHaveAttribute(
      'data-number',
      `${before + 1}.`,
    );
  }

  // A sub-paragraph under it is lettered, and moving Omega up renumbers again.
  await chile.page.getByRole('button', { name: 'New sub-paragraph' }).click();
  await chile.page.keyboard.type('first line of work');
  const sub = belize.page.locator('.ProseMirror [data-type="subparagraph"]', {
    hasText: 'first line of work',
  });
  await expect(sub).toHaveAttribute('data-number', 'a.');
  await operative(belize.page, 'Omega paragraph').click();
  await belize.page.keyboard.press('Alt+ArrowUp');
  await belize.page.keyboard.press('Alt+ArrowUp');
  await expect(operative(chile.page, 'Omega paragraph')).toHaveAttribute(
    'data-number',
    `${before}.`,
  );
  expect(belize.errors).toEqual([]);
  expect(chile.errors).toEqual([]);
});

/**
 * What a delegate notices of a colleague's typing: the word arrives, whole and in order. How soon
 * it arrives is measured by `npm run bench -- --suite=browser`, not asserted here.
 */
test('[J3] a word typed key by key in one editor appears whole in the other', async ({
  browser,
  accord,
}) => {
  const { belize, chile } = await bothDelegationsEditing(browser, accord);
  await appendOperative(belize.page, 'To support');
  await expect(operative(chile.page, 'To support')).toBeVisible();

  // At a brisk typist's pace: each key is its own change on the wire.
  await belize.page.keyboard.type(' women-led cooperatives;', { delay: 40 });
  const expected = 'To support women-led cooperatives;';
  await expect(operative(chile.page, expected)).toHaveText(expected);
  expect(belize.errors).toEqual([]);
  expect(chile.errors).toEqual([]);
});
