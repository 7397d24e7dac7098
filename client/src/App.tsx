import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '@accord/shared/api';
import { api } from './api/endpoints';
import { ApiError } from './api/client';
import { finishSignOut, getToken, maySignIn, onUnauthorized } from './auth/token';
import { useRoute } from './router';
import { SessionContext } from './session';
import { AccessPage } from './pages/AccessPage';
import { HomePage } from './pages/HomePage';
import { MeetingPage } from './pages/MeetingPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { Layout } from './components/Layout';
import { Loading } from './components/Loading';
import { linkWithEmptyToken, looksLikeWholeToken } from './components/invitationLink';
import { lazyPart } from './components/lazyPart';
import { Part } from './components/PartBoundary';
import { warmEditorCode } from './pages/warmEditorCode';

// The editor (Tiptap, ProseMirror, Yjs) is most of the app's weight: it is not in the first
// script, and a meeting's page fetches it once idle (warmEditorCode) so a document opens at once.
const loadEditorPage = () => import('./pages/EditorPage');
const EditorPage = lazyPart(loadEditorPage);
const RoomPage = lazyPart(() => import('./negotiation/RoomPage'));

type SessionState =
  | { kind: 'noToken' }
  | { kind: 'loading' }
  | { kind: 'revoked' }
  | { kind: 'cleared' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; session: SessionInfo };

// Without a link in this tab, the device's sign-in (a cookie) may still hold: ask the server.
function initialState(): SessionState {
  return maySignIn() ? { kind: 'loading' } : { kind: 'noToken' };
}

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const [state, setState] = useState<SessionState>(initialState);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => onUnauthorized(() => setState({ kind: 'revoked' })), []);

  // Signed in on the home or a meeting's page, the next page is most likely a document.
  const signedIn = state.kind === 'ready';
  const listing = route.page === 'home' || route.page === 'meeting';
  useEffect(() => {
    if (signedIn && listing) warmEditorCode(loadEditorPage);
  }, [signedIn, listing]);

  useEffect(() => {
    if (!maySignIn()) return;
    let current = true;
    void finishSignOut()
      .then(() => api.session())
      .then(
        (session) => {
          if (current) setState({ kind: 'ready', session });
        },
        (error: unknown) => {
          if (!current) return;
          if (error instanceof ApiError && error.status === 401) setState({ kind: 'revoked' });
          else if (error instanceof ApiError) setState({ kind: 'failed', message: error.message });
          else setState({ kind: 'failed', message: t('errors.network') });
        },
      );
    return () => {
      current = false;
    };
  }, [attempt, t]);

  const retry = useCallback(() => {
    setState({ kind: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  const cleared = useCallback(() => setState({ kind: 'cleared' }), []);

  // A link cut short or mistyped is told apart from one withdrawn: the way out differs.
  const incomplete = (
    <AccessPage title={t('dayui.incompleteTitle')} body={t('dayui.incompleteBody')} />
  );
  switch (state.kind) {
    case 'noToken':
      if (linkWithEmptyToken(window.location.href)) return incomplete;
      return <AccessPage title={t('access.noTokenTitle')} body={t('access.noTokenBody')} />;
    case 'revoked': {
      const token = getToken();
      if (token !== null && !looksLikeWholeToken(token)) return incomplete;
      return <AccessPage title={t('access.revokedTitle')} body={t('access.revokedBody')} />;
    }
    case 'cleared':
      return <AccessPage title={t('access.clearedTitle')} body={t('access.clearedBody')} />;
    case 'loading':
      return <Loading fullPage />;
    case 'failed':
      return (
        <AccessPage title={t('errors.title')} body={state.message}>
          <button type="button" onClick={retry}>
            {t('errors.retry')}
          </button>
        </AccessPage>
      );
    case 'ready':
      return (
        <SessionContext.Provider value={state.session}>
          <Layout onCleared={cleared} wide={route.page === 'document' || route.page === 'room'}>
            {route.page === 'home' && <HomePage />}
            {route.page === 'meeting' && <MeetingPage meetingId={route.meetingId} />}
            {route.page === 'document' && (
              <Part fallback={<Loading />}>
                <EditorPage documentId={route.documentId} />
              </Part>
            )}
            {route.page === 'room' && (
              <Part fallback={<Loading />}>
                <RoomPage documentId={route.documentId} />
              </Part>
            )}
            {route.page === 'notFound' && <NotFoundPage />}
          </Layout>
        </SessionContext.Provider>
      );
  }
}
