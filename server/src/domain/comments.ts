import * as Y from 'yjs';
import {
  BODY_FIELD,
  COMMENTS_TABLE,
  commentEntryProblem,
  commentThreads,
  randomId,
  type CommentEntry,
  type CommentReply,
  type CommentThread,
} from '@accord/shared';
import { authorId, type Principal } from '../auth/principal';
import { commentRule } from '../collab/integrity/side-rules/comments';
import { authorise, documentFor } from './access';
import type { DomainContext } from './context';
import { AccordError, conflict, invalid, notFound } from './errors';

/**
 * Comment threads over HTTP. Reads come from the live room; writes go through it as a change by
 * the participant, like a restore: every connected editor sees them at once and the update log
 * attributes them. Each write is checked by the same rule the relay applies to live comments,
 * so REST and the editor can never disagree on who may do what.
 */

function table(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(COMMENTS_TABLE);
}

/** The text node of a paragraph (the first one it holds), or null when there is none. */
function paragraphText(doc: Y.Doc, paragraphId: string): Y.XmlText | null | undefined {
  for (const node of doc.getXmlFragment(BODY_FIELD).toArray()) {
    if (node instanceof Y.XmlElement && node.getAttribute('id') === paragraphId) {
      const text = node.toArray().find((child) => child instanceof Y.XmlText);
      return text instanceof Y.XmlText ? text : null;
    }
  }
  return undefined;
}

function plainText(text: Y.XmlText): string {
  return (text.toDelta() as { insert?: unknown }[])
    .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('');
}

/** The quoted phrase's place in the paragraph, as relative positions, if the quote is there. */
export function anchorFor(text: Y.XmlText, quote: string): CommentEntry['anchor'] {
  if (!quote) return undefined;
  const start = plainText(text).indexOf(quote);
  if (start < 0) return undefined;
  // The end sticks to the last quoted character, so text typed just after the phrase stays out.
  return {
    start: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, start, 0)),
    end: Y.relativePositionToJSON(
      Y.createRelativePositionFromTypeIndex(text, start + quote.length, -1),
    ),
  };
}

function writable(context: DomainContext, principal: Principal, documentId: string) {
  authorise(principal, 'comment');
  const document = documentFor(context, principal, documentId);
  if (document.status === 'locked') {
    throw conflict('document_locked', 'This document is locked for adoption. Unlock it first.');
  }
  return document;
}

/** Applies one entry through the room, refused with the relay's own rule first. */
async function write(
  context: DomainContext,
  principal: Principal,
  documentId: string,
  build: (doc: Y.Doc) => CommentEntry,
): Promise<CommentEntry> {
  let written: CommentEntry | null = null;
  await context.rooms.change(documentId, {
    author: authorId(principal),
    apply: (doc) => {
      const entry = build(doc);
      const problem = commentRule.added(
        { key: entry.id, value: entry },
        {
          author: authorId(principal),
          delegation: principal.participant?.delegation ?? null,
          role: principal.role,
          deletions: [],
        },
        doc,
      );
      if (problem) throw new AccordError('forbidden', 'comment_not_allowed', `${problem}.`);
      table(doc).set(entry.id, entry);
      written = entry;
    },
  });
  if (!written) throw new Error('the comment was not written');
  return written;
}

function storedEntry(doc: Y.Doc, commentId: string): CommentEntry | undefined {
  const value: unknown = table(doc).get(commentId);
  return commentEntryProblem(commentId, value) === null ? (value as CommentEntry) : undefined;
}

/** A thread (not a reply) of the document, or 404. */
function threadIn(doc: Y.Doc, commentId: string): CommentEntry {
  const entry = storedEntry(doc, commentId);
  if (!entry || entry.parent !== undefined) throw notFound('This comment', 'comment_not_found');
  return entry;
}

/** A document's threads, for the exports (the caller has checked access). */
export function documentThreads(
  context: DomainContext,
  documentId: string,
): Promise<CommentThread[]> {
  return context.rooms.read(documentId, (doc) => commentThreads(table(doc).entries()));
}

export async function listComments(
  context: DomainContext,
  principal: Principal,
  documentId: string,
): Promise<CommentThread[]> {
  authorise(principal, 'read');
  const document = documentFor(context, principal, documentId);
  return context.rooms.read(document.id, (doc) => commentThreads(table(doc).entries()));
}

function presentThread(doc: Y.Doc, id: string): CommentThread {
  const thread = commentThreads(table(doc).entries()).find((t) => t.id === id);
  if (!thread) throw notFound('This comment', 'comment_not_found');
  return thread;
}

export async function addComment(
  context: DomainContext,
  principal: Principal,
  documentId: string,
  input: { paragraphId: string; quote?: string | undefined; text: string },
): Promise<CommentThread> {
  const document = writable(context, principal, documentId);
  const id = `c${randomId(11)}`;
  await write(context, principal, document.id, (doc) => {
    const text = paragraphText(doc, input.paragraphId);
    if (text === undefined) {
      throw invalid(
        'paragraphId',
        'No paragraph of this document has this id.',
        'paragraph_not_found',
      );
    }
    const quote = input.quote ?? '';
    const anchor = text ? anchorFor(text, quote) : undefined;
    return {
      id,
      paragraphId: input.paragraphId,
      quote,
      text: input.text,
      participant: authorId(principal),
      delegation: principal.participant?.delegation ?? null,
      createdAt: context.now().toISOString(),
      resolved: false,
      ...(anchor ? { anchor } : {}),
    };
  });
  return context.rooms.read(document.id, (doc) => presentThread(doc, id));
}

export async function addReply(
  context: DomainContext,
  principal: Principal,
  documentId: string,
  commentId: string,
  text: string,
): Promise<CommentReply> {
  const document = writable(context, principal, documentId);
  const reply = await write(context, principal, document.id, (doc) => {
    const thread = threadIn(doc, commentId);
    return {
      id: `c${randomId(11)}`,
      paragraphId: thread.paragraphId,
      quote: '',
      text,
      participant: authorId(principal),
      delegation: principal.participant?.delegation ?? null,
      createdAt: context.now().toISOString(),
      resolved: false,
      parent: thread.id,
    };
  });
  return {
    id: reply.id,
    text: reply.text,
    participant: reply.participant,
    delegation: reply.delegation,
    createdAt: reply.createdAt,
  };
}

/** Resolves or reopens a thread; doing it twice changes nothing the second time. */
export async function setCommentResolved(
  context: DomainContext,
  principal: Principal,
  documentId: string,
  commentId: string,
  resolved: boolean,
): Promise<CommentThread> {
  const document = writable(context, principal, documentId);
  const current = await context.rooms.read(document.id, (doc) => threadIn(doc, commentId));
  if (current.resolved !== resolved) {
    await write(context, principal, document.id, (doc) => {
      const { resolvedBy: _by, resolvedAt: _at, ...open } = threadIn(doc, commentId);
      return resolved
        ? {
            ...open,
            resolved: true,
            resolvedBy: authorId(principal),
            resolvedAt: context.now().toISOString(),
          }
        : { ...open, resolved: false };
    });
  }
  return context.rooms.read(document.id, (doc) => presentThread(doc, commentId));
}
