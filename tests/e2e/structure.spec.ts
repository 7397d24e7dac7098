import type { Page } from '@playwright/test';
import type { AccordApi } from './accord-api';
import { expect, test } from './fixtures';
import {
  OPERATIVE,
  appendOperative,
  openEditor,
  operative,
  twoDelegations,
  bothDelegationsEditing,
} from './scene';
import { revealInToolbar } from './toolbar';

interface Block {
  type: string;
  attrs?: { id?: unknown };
  content?: { text?: string }[];
}

/** The ids of the document's paragraphs as the server holds them. */
async function paragraphIds(accord: AccordApi, documentId: string): Promise<unknown[]> {
  const response = await fetch(`${accord.baseUrl}/api/documents/${documentId}/content`, {
    headers: { Authorization: `Bearer ${accord.adminToken}` },
  });
  const doc = (await response.json()) as { content: Block[] };
  return doc.content
    .filter((block) => ['preambular', 'operative', 'subparagraph'].includes(block.type))
    .map((block) => block.attrs?.id);
}

/**
 * Pastes as a browser does: a `paste` event with the clipboard's text (and HTML).
 *
 * A caret just moved with a key (End) reaches the editor through `selectionchange`, which the
 * browser fires a task later; a person's paste always comes after it, a script's may not. So the
 * pending `selectionchange` is delivered first, or the text could land where the caret was before.
 */
async function paste(page: Page, text: string, html?: string): Promise<void> {
  await page.locator('.ProseMirror').evaluate(
    (element, data) => {
      element.ownerDocument.dispatchEvent(new Event('selectionchange'));
      const clipboard = new DataTransfer();
      clipboard.setData('text/plain', data.text);
      if (data.html) clipboard.setData('text/html', data.html);
      element.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true, cancelable: true }),
      );
    },
    { text, html },
  );
}

test('pasted lines land as numbered operative paragraphs; one line stays inline', async ({
  browser,
  accord,
}) => {
  const scene = await twoDelegations(accord);
  const opened = await openEditor(browser, accord, scene.documentId, scene.belize.token);
  const { page } = opened;
  const before = await page.locator(OPERATIVE).count();

  await appendOperative(page, '');
  await paste(
    page,
    '1. To foster women-led MSMEs in regional supply chains;\r\n' +
      '2. To invite the IDB to report on credit lines for MSMEs:\r\n' +
      'a. In the Caribbean;\r\n' +
      'b. In Central America.',
  );
  await expect(page.locator(OPERATIVE)).toHaveCount(before + 2);
  const fostered = operative(page, 'To foster women-led MSMEs');
  await expect(fostered).toHaveAttribute('data-number', `${before + 1}.`);
  await expect(fostered).not.toContainText('1.');
  await expect(operative(page, 'To invite the IDB')).toHaveAttribute(
    'data-number',
    `${before + 2}.`,
  );
  const lettered = page.locator('.ProseMirror [data-type="subparagraph"]', {
    hasText: 'In Central America.',
  });
  await expect(lettered).toHaveAttribute('data-number', 'b.');

  // Word's HTML is reduced to its text: its list numbers count, its markup does not.
  await appendOperative(page, '');
  await paste(
    page,
    'To promote e-commerce platforms for MSMEs;',
    '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoListParagraph{}</style></head>' +
      '<body><p class="MsoListParagraph" style="mso-list:l0 level1 lfo1"><![if !supportLists]>' +
      '<span style="mso-list:Ignore">1.<span>&nbsp;&nbsp;&nbsp; </span></span><![endif]>' +
      'To promote e-commerce platforms for MSMEs;</p>' +
      '<p class="MsoListParagraph"><span style="mso-list:Ignore">2.<span>&nbsp;</span></span>' +
      '<b>To encourage</b> digital payments among cooperatives.</p></body></html>',
  );
  await expect(page.locator(OPERATIVE)).toHaveCount(before + 4);
  await expect(operative(page, 'To encourage digital payments')).toBeVisible();
  await expect(page.locator('.ProseMirror .MsoListParagraph')).toHaveCount(0);

  // A paragraph copied from a draft keeps its kind but takes a new id and starts pending.
  const first = page.locator(OPERATIVE).first();
  const copiedId = await first.getAttribute('data-id');
  await appendOperative(page, '');
  await paste(
    page,
    'To strengthen MSME statistics;',
    `<p data-pm-slice="0 0 []" data-type="operative" data-id="${copiedId}" data-status="agreed">` +
      'To strengthen MSME statistics;</p>',
  );
  const copied = operative(page, 'To strengthen MSME statistics;');
  await expect(copied).toHaveAttribute('data-status', 'pending');
  await expect(page.locator(`.ProseMirror [data-id="${copiedId}"]`)).toHaveCount(1);

  // A single line goes into the paragraph where the cursor is.
  await operative(page, 'To foster women-led MSMEs').click();
  await page.keyboard.press('End');
  await paste(page, ' and in cultural industries\n');
  await expect(page.locator(OPERATIVE)).toHaveCount(before + 5);
  await expect(operative(page, 'supply chains; and in cultural industries')).toHaveCount(1);

  // Every pasted paragraph has an id of its own, on the server too.
  await expect
    .poll(() => accord.textOf(scene.documentId))
    .toContain('supply chains; and in cultural industries');
  const ids = await paragraphIds(accord, scene.documentId);
  expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
  expect(new Set(ids).size).toBe(ids.length);
  expect(opened.errors).toEqual([]);
});

test('paragraphs split with Enter get ids of their own', async ({ browser, accord }) => {
  const scene = await twoDelegations(accord);
  const opened = await openEditor(browser, accord, scene.documentId, scene.chile.token);
  const { page } = opened;
  const before = (await paragraphIds(accord, scene.documentId)).length;
  const operatives = await page.locator(OPERATIVE).count();

  await appendOperative(page, 'To support export consortia of MSMEs;');
  await page.keyboard.press('Enter');
  await page.keyboard.type('To support trade fairs for MSMEs;');
  await page.keyboard.press('Enter');
  await page.keyboard.type('To support MSME certification;');
  // A split in the middle of a paragraph, too.
  await operative(page, 'To support trade fairs').click();
  await page.keyboard.press('End');
  for (let i = 0; i < 'for MSMEs;'.length; i += 1) await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await page.keyboard.type('In the Caribbean, ');

  // Enter after an operative paragraph makes another one (numbered), never a heading.
  await expect(page.locator(OPERATIVE)).toHaveCount(operatives + 4);
  await expect(operative(page, 'In the Caribbean, for MSMEs;')).toHaveAttribute(
    'data-number',
    new RegExp(`^${operatives + 3}\\.$`),
  );
  await expect
    .poll(async () => (await paragraphIds(accord, scene.documentId)).length)
    .toBe(before + 4);
  const ids = await paragraphIds(accord, scene.documentId);
  expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
  expect(new Set(ids).size).toBe(ids.length);
  expect(opened.errors).toEqual([]);
});

test('"Alternative (bis)" proposes 2 bis, then 2 ter', async ({ browser, accord }) => {
  const scene = await twoDelegations(accord);
  const opened = await openEditor(browser, accord, scene.documentId, scene.belize.token);
  const { page } = opened;
  const second = page.locator(`${OPERATIVE}[data-number="2."]`);
  const third = await page.locator(`${OPERATIVE}[data-number="3."]`).innerText();

  await second.click();
  await page.getByRole('button', { name: 'Alternative (bis) to this operative paragraph' }).click();
  await page.keyboard.type('To consider a regional MSME observatory;');
  await expect(operative(page, 'regional MSME observatory')).toHaveAttribute(
    'data-number',
    '2 bis.',
  );
  await expect(operative(page, 'regional MSME observatory')).toHaveAttribute(
    'data-alternative',
    'true',
  );

  await second.click();
  await page.getByRole('button', { name: 'Alternative (bis) to this operative paragraph' }).click();
  await page.keyboard.type('To consider a network of MSME observatories;');
  await expect(operative(page, 'network of MSME observatories')).toHaveAttribute(
    'data-number',
    '2 ter.',
  );
  // The numbering after the alternatives does not move.
  await expect(operative(page, third.slice(0, 40))).toHaveAttribute('data-number', '3.');
  expect(opened.errors).toEqual([]);
});

/** The numbers and status labels of the operative paragraphs, in order, as shown. */
function shownNumbering(page: Page) {
  return page
    .locator(OPERATIVE)
    .evaluateAll((elements) =>
      elements.map((e) => [e.getAttribute('data-number'), e.getAttribute('data-status-label')]),
    );
}

/** 1., 2., 3. … with every paragraph's status shown. */
function inSequence(numbering: (string | null)[][]): boolean {
  return numbering.every(([number, status], i) => number === `${i + 1}.` && Boolean(status));
}

test('numbers and statuses stay right on both screens while a delegate types, splits and moves', async ({
  browser,
  accord,
}) => {
  const { belize, chile } = await bothDelegationsEditing(browser, accord);
  const count = await belize.page.locator(OPERATIVE).count();

  // Typing inside a paragraph changes no number: both screens keep theirs.
  await appendOperative(belize.page, 'To promote digital payments for MSMEs');
  await expect(operative(chile.page, 'digital payments for MSMEs')).toBeVisible();
  for (const page of [belize.page, chile.page]) {
    await expect.poll(() => shownNumbering(page).then(inSequence)).toBe(true);
    await expect(page.locator(OPERATIVE)).toHaveCount(count + 1);
  }

  // A split makes a new numbered paragraph; typing in it and moving it renumber everywhere.
  await belize.page.keyboard.press('Enter');
  await belize.page.keyboard.type('To train MSME owners in e-commerce');
  const moveUp = belize.page.getByRole('button', { name: 'Move paragraph up' });
  await revealInToolbar(belize.page, moveUp);
  await moveUp.click();
  await expect(operative(chile.page, 'To train MSME owners')).toHaveAttribute(
    'data-number',
    `${count + 1}.`,
  );
  await expect(operative(chile.page, 'digital payments')).toHaveAttribute(
    'data-number',
    `${count + 2}.`,
  );
  for (const page of [belize.page, chile.page]) {
    await expect.poll(() => shownNumbering(page).then(inSequence)).toBe(true);
  }
  expect(belize.errors).toEqual([]);
  expect(chile.errors).toEqual([]);
});
