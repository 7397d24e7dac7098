import { useEffect, useMemo } from 'react';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { useTranslation } from 'react-i18next';
import { draftExtensions } from '@accord/shared/schema/index';
import { BODY_FIELD } from '@accord/shared/protocol';
import type { DraftStyle } from '@accord/shared/content';
import type { CollabSession } from '../collab/collabSession';
import { DraftNumbering } from './numbering';
import { UniqueIds } from './uniqueIds';
import { DraftCommands } from './draftCommands';
import { DraftAlternatives } from './alternatives';
import { PasteStructure } from './pasteStructure';
import { SplitParagraph } from './splitParagraph';
import { GuidanceHints, type Guidance } from './guidanceHints';
import { RemoteSelection } from './remoteSelection';
import { CaretLabels, renderCaret, renderSelection } from './carets';
import { Toolbar } from './Toolbar';
import { proposalExtensions } from '../proposals/proposalExtensions';
import { DraftBrackets } from './brackets';
import { StatusGuard } from './statusGuard';
import { ParagraphStatusControl } from '../negotiation/paragraphStatusControl';
import { FrozenNumbers } from './frozenNumbers';
import { TypographicQuotes } from './typographicQuotes';
import './prosemirror-base.css';
import './footnotes.css';
import './negotiation.css';

export interface LocalUser {
  participant: string;
  name: string;
  delegation: string | null;
  role: string;
  color: string;
}

/**
 * The Tiptap editor bound to one session's `body` fragment. Keyed by the session's Y.Doc by its
 * parent: a fresh session (after a refused update) gets a fresh editor, never a rebind.
 */
export function DraftEditor({
  session,
  user,
  style,
  editable,
  canSetStatus,
  title,
  guidance,
  language = 'en',
  onEditor,
}: {
  session: CollabSession;
  user: LocalUser;
  style: DraftStyle;
  editable: boolean;
  canSetStatus: boolean;
  title: string;
  /** The template's drafting hints by paragraph id, shown under the paragraph being edited. */
  guidance?: Guidance;
  /** The document's language: typed quotes become its quotation marks. */
  language?: string;
  onEditor?: (editor: Editor | null) => void;
}) {
  const { t } = useTranslation();
  const extensions = useMemo(
    () => [
      ...draftExtensions,
      // Collaboration brings Yjs-aware undo; there is no separate history to disable here.
      Collaboration.configure({ document: session.doc, field: BODY_FIELD }),
      CollaborationCaret.configure({
        provider: session.provider,
        // The server replaces this with what it vouches for; set so our caret renders at once.
        user,
        render: renderCaret,
        selectionRender: renderSelection,
      }),
      CaretLabels.configure({ awareness: session.provider.awareness }),
      DraftNumbering.configure({ style, statusLabel: (status) => t(`status.${status}`) }),
      UniqueIds.configure({ canSetStatus }),
      DraftCommands,
      DraftAlternatives,
      SplitParagraph,
      PasteStructure.configure({ style }),
      GuidanceHints.configure({ label: t('structure.guidance') }),
      RemoteSelection.configure({ document: session.doc }),
      ...proposalExtensions({ doc: session.doc, user, t }),
      DraftBrackets.configure({
        doc: session.doc,
        delegation: user.delegation,
        canRemoveAnyBracket: canSetStatus,
        countLabel: (count) => t('negotiate.bracketCount', { count }),
      }),
      StatusGuard.configure({
        canSetStatus,
        settledLabel: (status) => t(`negotiate.settled.${status}`),
      }),
      FrozenNumbers,
      ParagraphStatusControl.configure({
        canSetStatus,
        style,
        statusLabel: (status) => t(`status.${status}`),
        controlLabel: (paragraph) => t('negotiate.statusOf', { paragraph }),
      }),
      TypographicQuotes.configure({ language }),
    ],
    // The session, user and style are fixed for this editor's life (the parent re-keys it).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [session],
  );

  const attributes = (isEditable: boolean) => ({
    'aria-label': t('editor.editorLabel', { title }),
    'aria-multiline': 'true',
    'aria-readonly': String(!isEditable),
    role: 'textbox',
    spellcheck: 'true',
    class: `draft draft--${style}`,
    // A read-only text (locked, or an observer's) is not focusable by itself: without this
    // the keyboard could not reach, and so not scroll, the sheet (axe scrollable-region-focusable).
    ...(isEditable ? {} : { tabindex: '0' }),
  });

  const editor = useEditor(
    {
      extensions,
      editable,
      editorProps: { attributes: attributes(editable) },
      // Its rules are in prosemirror-base.css: an injected <style> would break the CSP.
      injectCSS: false,
    },
    [extensions],
  );

  useEffect(() => {
    if (!editor || editor.isEditable === editable) return;
    editor.setEditable(editable);
    editor.setOptions({ editorProps: { attributes: attributes(editable) } });
    // `attributes` only reads props that re-key the editor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, editable]);

  useEffect(() => {
    if (editor && guidance) editor.commands.setGuidance(guidance);
  }, [editor, guidance]);

  useEffect(() => {
    onEditor?.(editor);
    return () => onEditor?.(null);
  }, [editor, onEditor]);

  return (
    <div className="draft-editor">
      {editable && editor && <Toolbar editor={editor} canSetStatus={canSetStatus} />}
      <EditorContent editor={editor} className="draft-sheet" />
    </div>
  );
}
