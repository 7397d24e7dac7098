import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/client';
import { i18n } from '../i18n';
import { refusalSentence } from '../i18n/refusals';
import { errorSentence } from '../components/errorSentence';

export type ApiData<T> =
  | { status: 'loading'; reload: () => void }
  | { status: 'error'; message: string; reload: () => void }
  | { status: 'ready'; data: T; reload: () => void };

/**
 * The sentence to show for a failed request: the server's own (in the reader's language when
 * its code is known), or "could not be reached".
 */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    return errorSentence(refusalSentence(error.code, error.message), error.field);
  }
  return i18n.t('errors.network');
}

/**
 * Loads `load()` when `key` changes and on `reload()`. Answers from a superseded load are
 * dropped, so fast navigation never shows the previous page's data.
 */
export function useApiData<T>(load: () => Promise<T>, key: string): ApiData<T> {
  const [state, setState] = useState<
    { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: T }
  >({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);

  useEffect(() => {
    let current = true;
    load().then(
      (data) => {
        if (current) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (current) setState({ status: 'error', message: errorMessage(error) });
      },
    );
    return () => {
      current = false;
    };
    // `load` is a new closure each render; `key` says when it means something else.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, generation]);

  return { ...state, reload };
}
