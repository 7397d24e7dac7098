import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentInfo } from '@accord/shared/api';
import { CloseCode } from '@accord/shared/protocol';
import { can } from '@accord/shared/roles';
import { api } from '../api/endpoints';
import { getToken, reportUnauthorized } from '../auth/token';
import { ApiError } from '../api/client';
import { errorMessage } from '../hooks/useApiData';
import { linkProps } from '../router';
import { useSession } from '../session';
import { offlineCacheName } from '../collab/deviceCache';
import { delegationColour, setMeetingColours } from '../collab/delegationColour';
import { useCollabSession } from '../collab/useCollabSession';
import { useCollabSnapshot } from '../collab/useCollabSnapshot';
import { usePresence } from '../collab/usePresence';
import { useDocumentEvent } from '../collab/useDocumentEvent';
import { useServerStatus } from '../collab/useServerStatus';
import { DraftEditor, type LocalUser } from '../editor/DraftEditor';
import { ConnectionBadge } from '../editor/ConnectionBadge';
import { PresenceList } from '../editor/PresenceList';
import { EditorBanners } from '../editor/EditorBanners';
import { LockButton } from '../editor/LockButton';
import { DocumentApparatus } from '../editor/DocumentApparatus';
import { useTemplateGuidance } from '../editor/useTemplateGuidance';
import { useEditorSettled } from './useEditorSettled';
import { Loading } from '../components/Loading';
import { ErrorPage } from '../components/ErrorPage';
import { Drawer, DrawerToggle, useDrawer, useNarrowLayout } from '../components/Drawer';
import { showTimesIn } from '../components/format';
import type { Editor } from '@tiptap/react';

import { RefusedTextNotice } from '../components/RefusedTextNotice';
import { DocumentEventNotice } from '../components/DocumentEventNotice';
import { ExportButton } from '../export/ExportButton';
import { HistoryToggle } from '../history/HistoryToggle';
import { useHistoryPanel } from '../history/useHistoryPanel';

import { DocumentTitle } from './DocumentTitle';
import '../styles/editor.css';
import '../styles/day.css';
import '../styles/layout.css';
import { lazyPart } from '../components/lazyPart';
import { Part } from '../components/PartBoundary';

// History (comparison, versions, restore) is opened by few and on demand: its code comes then.
const HistoryPanel = lazyPart(() =>
  import('../history/HistoryPanel').then((module) => ({ default: module.HistoryPanel })),
);
// Nothing below is needed to read or type: on conference Wi-Fi each comes after the editor.
const CommentsPanel = lazyPart(() =>
  import('../comments/CommentsPanel').then((module) => ({ default: module.CommentsPanel })),
);
const ProposalsPanel = lazyPart(() =>
  import('../proposals/ProposalsPanel').then((module) => ({ default: module.ProposalsPanel })),
);
const DraftingModeSelect = lazyPart(() =>
  import('../proposals/ProposalsPanel').then((module) => ({ default: module.DraftingModeSelect })),
);
const ChairDashboard = lazyPart(() =>
  import('../negotiation/ChairDashboard').then((module) => ({ default: module.ChairDashboard })),
);
const LanguageVersions = lazyPart(() =>
  import('../translations/LanguageVersions').then((module) => ({
    default: module.LanguageVersions,
  })),
);

/** The narrow layout's drawer of side panels, and the button that opens it. */
const PANELS_ID = 'side-panels';
const PANELS_TOGGLE_ID = 'side-panels-toggle';

/** How often an open editor re-reads the document's status (a chair may lock it meanwhile). */
const STATUS_POLL_MS = 30_000;

/** `/documents/:id`: the live editor, its connection state and who is present. */
export default function EditorPage({
  documentId,
  onProposeRefusedText,
}: {
  documentId: string;
  /** Turns refused words into a proposal, where the document's mode allows proposals. */
  onProposeRefusedText?: (text: string, paragraphId: string | null) => void;
}) {
  const { t } = useTranslation();
  const sessionInfo = useSession();
  const participant = sessionInfo.participant;
  const [info, setInfo] = useState<DocumentInfo | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  // No answer at all (offline, the server down): said by the connection's voice, not as an alarm.
  const [unreachable, setUnreachable] = useState(false);
  const narrow = useNarrowLayout();
  const panels = useDrawer(PANELS_TOGGLE_ID);
  const token = getToken() ?? '';
  const collab = useCollabSession(
    documentId,
    token,
    offlineCacheName(participant?.id ?? null, documentId),
  );
  const synced = useCollabSnapshot(collab.session, (snapshot) => snapshot?.state === 'synced');
  // Back on the network, a read that got no answer while away says nothing about the server
  // now: it would flash "The server did not answer" beside the refusal or the synced badge. The
  // read made on sync (below) says whether the server answers.
  useEffect(() => {
    const session = collab.session;
    if (!session) return;
    const isAway = () => ['offline', 'reconnecting'].includes(session.getSnapshot().state);
    let wasAway = isAway();
    return session.subscribe(() => {
      const awayNow = isAway();
      if (wasAway && !awayNow) setUnreachable(false);
      wasAway = awayNow;
    });
  }, [collab.session]);
  // The side panels' code is fetched once the editor has its text, not alongside it.
  const panelsReady = useEditorSettled(collab.session);
  const announced = useDocumentEvent(collab.session?.provider.awareness ?? null);
  const people = usePresence(collab.session?.provider.awareness ?? null);
  const history = useHistoryPanel(documentId, participant?.id ?? 'admin', info?.status);
  const guidance = useTemplateGuidance(info?.templateId);
  const [editor, setEditor] = useState<Editor | null>(null);

  const refreshInfo = useCallback(() => {
    api.document(documentId).then(
      (document) => {
        setInfo(document);
        setLoadError(null);
        setUnreachable(false);
      },
      (error: unknown) => {
        if (error instanceof ApiError) setLoadError(errorMessage(error));
        else setUnreachable(true);
      },
    );
  }, [documentId]);

  useEffect(() => {
    refreshInfo();
    const timer = setInterval(refreshInfo, STATUS_POLL_MS);
    return () => clearInterval(timer);
  }, [refreshInfo]);

  // An archived document is announced as locked by the relay: compare like with like.
  const relayStatus = info?.archived ? 'locked' : info?.status;
  useServerStatus(collab.session?.provider.awareness ?? null, relayStatus, refreshInfo);

  // The meeting's delegation colours, so presence and the history legend use the relay's map.
  // Without them (an old server, an error) every screen falls back to the same hashed colours.
  const meetingId = info?.meetingId;
  const [, setColoursRead] = useState(false);
  useEffect(() => {
    if (!meetingId) return;
    let current = true;
    api.meeting(meetingId).then(
      (meeting) => {
        if (!current) return;
        setMeetingColours(meeting.colors ?? null);
        showTimesIn(meeting.timeZone);
        setColoursRead(true);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [meetingId]);

  // A refusal usually means the status changed under us (locked): re-read it with the new state.
  useEffect(() => {
    if (synced || collab.refusal) refreshInfo();
  }, [synced, collab.refusal, refreshInfo]);

  useEffect(() => {
    if (collab.finalClose === CloseCode.unauthorized) reportUnauthorized();
  }, [collab.finalClose]);

  if (collab.finalClose === CloseCode.forbidden)
    return <ErrorPage title={t('access.forbiddenTitle')} message={t('access.forbiddenBody')} />;
  if (collab.finalClose === CloseCode.notFound)
    return <ErrorPage title={t('access.notFoundTitle')} message={t('access.notFoundBody')} />;
  if (!info && (loadError || unreachable))
    return (
      <ErrorPage
        message={t('editor.documentLoadFailed', {
          message: loadError ?? t('errors.network'),
        })}
      >
        <button type="button" onClick={refreshInfo}>
          {t('errors.retry')}
        </button>
      </ErrorPage>
    );
  if (!info) return <Loading />;

  const role = sessionInfo.role;
  const locked = info.status === 'locked';
  const editable = can(role, 'edit') && !locked && !info.archived;
  const user: LocalUser = {
    participant: participant?.id ?? 'admin',
    name: participant?.name ?? t('roles.admin'),
    delegation: participant?.delegation ?? null,
    role,
    color: delegationColour(participant?.delegation, participant?.name ?? ''),
  };

  // The chair's dashboard: a disclosure above the text, or in the panels' drawer when narrow.
  const dashboard = can(role, 'setStatus') && panelsReady && editor && collab.session && (
    <details className="dashboard-toggle">
      <summary>{t('negotiate.dashboard')}</summary>
      <Part fallback={<Loading />}>
        <ChairDashboard editor={editor} doc={collab.session.doc} people={people} />
      </Part>
    </details>
  );

  return (
    <div className="editor-page">
      <div className="editor-page__head">
        <div>
          <a className="back-link" {...linkProps(`/meetings/${info.meetingId}`)}>
            {t('meeting.backToMeeting')}
          </a>
          <DocumentTitle document={info} role={role} onChanged={setInfo} />
          <DocumentApparatus document={info} role={role} onChanged={setInfo} />
        </div>
        <div className="editor-page__tools">
          {can(role, 'lock') && (
            <Part fallback={null}>
              <DraftingModeSelect
                documentId={info.id}
                mode={info.mode}
                onChanged={(mode) => setInfo({ ...info, mode })}
              />
            </Part>
          )}
          {can(role, 'lock') && (
            <LockButton document={info} onChanged={setInfo} onError={setLoadError} />
          )}
          <HistoryToggle open={history.open} onToggle={history.toggle} />
          {narrow && (
            <DrawerToggle
              id={PANELS_TOGGLE_ID}
              controls={PANELS_ID}
              label={t('dayui.panels')}
              state={{
                ...panels,
                // One drawer at a time: the panels take the history's place, as on a wide window.
                toggle: () => {
                  if (history.open) history.toggle();
                  panels.toggle();
                },
              }}
            />
          )}
          <ExportButton documentId={info.id} title={info.title} />
          <ConnectionBadge session={collab.session} />
        </div>
      </div>
      <EditorBanners
        locked={locked}
        observer={!can(role, 'edit')}
        refusal={collab.refusal}
        onDismissRefusal={collab.dismissRefusal}
        session={collab.session}
        unreachable={unreachable}
        error={loadError}
        onRetry={refreshInfo}
      />
      <Part fallback={null}>
        <LanguageVersions document={info} role={role} />
      </Part>

      <DocumentEventNotice event={announced.event} onDismiss={announced.dismiss} />
      {collab.refusal !== null && (
        <RefusedTextNotice
          reason={collab.refusal}
          passages={collab.refusedText}
          onPropose={locked ? undefined : onProposeRefusedText}
        />
      )}
      {!narrow && dashboard}
      <div className={`editor-page__body${history.open ? ' editor-page__body--history' : ''}`}>
        {collab.session ? (
          <DraftEditor
            key={collab.session.doc.guid}
            session={collab.session}
            user={user}
            style={info.style}
            language={info.language}
            editable={editable}
            canSetStatus={can(role, 'setStatus')}
            title={info.title}
            guidance={guidance}
            onEditor={setEditor}
          />
        ) : (
          <Loading />
        )}
        {history.open ? (
          <Drawer narrow={narrow} open onClose={history.close} className="editor-page__history">
            <Part fallback={<Loading />}>
              <HistoryPanel
                documentId={documentId}
                style={info.style}
                versions={history.versions}
                lastVisitVersion={history.lastVisitVersion}
                canName={can(role, 'nameVersion')}
                canRestore={can(role, 'restore')}
              />
            </Part>
          </Drawer>
        ) : (
          <Drawer
            id={PANELS_ID}
            narrow={narrow}
            open={panels.open}
            onClose={panels.close}
            label={t('dayui.panels')}
            className="editor-page__side"
          >
            {narrow && dashboard}
            <PresenceList people={people} />
            {panelsReady && (
              <Part fallback={<Loading />}>
                {collab.session && (
                  <CommentsPanel
                    key={collab.session.doc.guid}
                    doc={collab.session.doc}
                    editor={editor}
                    user={{ participant: user.participant, delegation: user.delegation, role }}
                    canComment={can(role, 'comment') && !locked && !info.archived}
                    style={info.style}
                  />
                )}
                {collab.session && editable && (
                  <ProposalsPanel
                    editor={editor}
                    doc={collab.session.doc}
                    documentId={info.id}
                    mode={info.mode}
                    decides={can(role, 'lock')}
                    delegation={participant?.delegation ?? null}
                  />
                )}
              </Part>
            )}
          </Drawer>
        )}
      </div>
    </div>
  );
}
