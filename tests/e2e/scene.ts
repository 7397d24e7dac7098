import type { Browser, Page } from '@playwright/test';
import type { AccordApi, Invitation } from './accord-api';
import { openAs, waitForSynced, type OpenedPage } from './fixtures';

export interface Scene {
  meetingId: string;
  documentId: string;
  belize: Invitation;
  chile: Invitation;
}

/** A meeting with a document and two delegates from two delegations, Belize and Chile. */
export async function twoDelegations(accord: AccordApi): Promise<Scene> {
  const meeting = await accord.createMeeting();
  const belize = await accord.addParticipant(meeting.id, {
    name: 'Dana Young',
    role: 'delegate',
    delegation: 'Belize',
  });
  const chile = await accord.addParticipant(meeting.id, {
    name: 'Ana Rojas',
    role: 'delegate',
    delegation: 'Chile',
  });
  const document = await accord.createDocument(meeting.id);
  return { meetingId: meeting.id, documentId: document.id, belize, chile };
}

/** The meeting's chair, from Panama (a chair may set statuses, name versions and lock). */
export function addChair(accord: AccordApi, scene: Scene): Promise<Invitation> {
  return accord.addParticipant(scene.meetingId, {
    name: 'María Pérez',
    role: 'chair',
    delegation: 'Panama',
  });
}

/** Opens the editor of `documentId` for the bearer of `token` and waits until it is in sync. */
export async function openEditor(
  browser: Browser,
  accord: AccordApi,
  documentId: string,
  token: string,
): Promise<OpenedPage> {
  const opened = await openAs(browser, accord.link(`/documents/${documentId}`, token));
  await waitForSynced(opened.page);
  return opened;
}

/** `twoDelegations`, with Belize and Chile each in the document's editor, synced. */
export async function bothDelegationsEditing(browser: Browser, accord: AccordApi) {
  const scene = await twoDelegations(accord);
  const belize = await openEditor(browser, accord, scene.documentId, scene.belize.token);
  const chile = await openEditor(browser, accord, scene.documentId, scene.chile.token);
  return { scene, belize, chile };
}

export const OPERATIVE = '.ProseMirror [data-type="operative"]';

/** The operative paragraph holding `text`. */
export function operative(page: Page, text: string) {
  return page.locator(OPERATIVE, { hasText: text });
}

/** Adds an operative paragraph at the end of the text with the toolbar, and types `text`. */
export async function appendOperative(page: Page, text: string): Promise<void> {
  await page.locator('.ProseMirror').click();
  await page.keyboard.press('Control+End');
  await page.getByRole('button', { name: 'New operative paragraph' }).click();
  await page.keyboard.type(text);
}
