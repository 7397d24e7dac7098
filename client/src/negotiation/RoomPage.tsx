import { useEffect, useState } from 'react';
import type { Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';
import { BODY_FIELD } from '@accord/shared/protocol';
import { getToken } from '../auth/token';
import { useSession } from '../session';
import { offlineCacheName } from '../collab/deviceCache';
import { useCollabSession } from '../collab/useCollabSession';
import { DraftEditor, type LocalUser } from '../editor/DraftEditor';
import { Loading } from '../components/Loading';
import './negotiation.css';

/** The id of the paragraph holding the chair's cursor, from awareness, or null. */
export function chairParagraph(doc: Y.Doc, states: Map<number, Record<string, unknown>>) {
  for (const state of states.values()) {
    const user = state.user as { role?: unknown } | undefined;
    const cursor = state.cursor as { head?: unknown } | undefined;
    if (user?.role !== 'chair' || !cursor?.head) continue;
    try {
      const position = Y.createAbsolutePositionFromRelativePosition(
        Y.createRelativePositionFromJSON(cursor.head),
        doc,
      );
      let type: Y.AbstractType<unknown> | null = position?.type ?? null;
      while (type && type.parent !== doc.getXmlFragment(BODY_FIELD)) {
        type = type.parent as Y.AbstractType<unknown> | null;
      }
      const id: unknown = type instanceof Y.XmlElement ? type.getAttribute('id') : undefined;
      if (typeof id === 'string') return id;
    } catch {
      // A cursor this document cannot place: not followed.
    }
  }
  return null;
}

/**
 * `/documents/:id/room`: the text for the projector in the room. Large type, lines of about 70
 * characters, nothing editable; the paragraph holding the chair's cursor is highlighted and
 * kept in view as the chair moves through the text. An observer's link is enough to open it.
 */
export default function RoomPage({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const sessionInfo = useSession();
  const participant = sessionInfo.participant;
  const collab = useCollabSession(
    documentId,
    getToken() ?? '',
    offlineCacheName(participant?.id ?? null, documentId),
  );
  const [editor, setEditor] = useState<Editor | null>(null);
  const [current, setCurrent] = useState<string | null>(null);
  const session = collab.session;

  useEffect(() => {
    if (!session) return;
    const awareness = session.provider.awareness;
    const follow = () => setCurrent(chairParagraph(session.doc, awareness.getStates()));
    follow();
    awareness.on('change', follow);
    return () => awareness.off('change', follow);
  }, [session]);

  useEffect(() => {
    if (!editor) return;
    const mark = () => {
      const sheet = editor.view.dom;
      // The paragraph the chair left is no longer current, to the eye or to a screen reader.
      for (const old of sheet.querySelectorAll('.room-current')) {
        old.classList.remove('room-current');
        old.removeAttribute('aria-current');
      }
      if (!current) return;
      const block = sheet.querySelector(`[data-id="${CSS.escape(current)}"]`);
      block?.classList.add('room-current');
      block?.setAttribute('aria-current', 'true');
      block?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    };
    mark();
    editor.on('update', mark);
    return () => {
      editor.off('update', mark);
    };
  }, [editor, current]);

  if (!session) return <Loading />;
  const user: LocalUser = {
    participant: participant?.id ?? 'admin',
    name: participant?.name ?? '',
    delegation: participant?.delegation ?? null,
    role: sessionInfo.role,
    color: '#555555',
  };
  return (
    <div className="room-view" data-room-current={current ?? ''}>
      <p className="visually-hidden">{t('negotiate.room')}</p>
      <DraftEditor
        key={session.doc.guid}
        session={session}
        user={user}
        style="oas"
        editable={false}
        canSetStatus={false}
        title={t('negotiate.room')}
        onEditor={setEditor}
      />
    </div>
  );
}
