import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../shared/api';

/** Where a page's question to the API stands. */
export type Loaded<T> = { status: 'idle' } | { status: 'loading' } | { status: 'ready'; data: T } | { status: 'failed'; message: string };

/**
 * GETs `path` from the API (null: nothing to ask yet) and again whenever it or the page's language changes, or
 * `retry` is called. Only the latest answer is kept, so a slow answer to an earlier question never replaces a later
 * one. A failure carries the API's own (translated) message, or the network message `networkErrorKey` names.
 */
export function useApiGet<T>(path: string | null, networkErrorKey: string): { loaded: Loaded<T>; retry: () => void } {
  const { t, i18n } = useTranslation();
  const [attempt, setAttempt] = useState(0);
  const [loaded, setLoaded] = useState<Loaded<T>>(path === null ? { status: 'idle' } : { status: 'loading' });

  useEffect(() => {
    if (path === null) {
      setLoaded({ status: 'idle' });
      return;
    }
    let latest = true;
    setLoaded({ status: 'loading' });
    api<T>('GET', path).then(
      (data) => latest && setLoaded({ status: 'ready', data }),
      (error: unknown) => latest && setLoaded({ status: 'failed', message: error instanceof ApiError ? error.message : t(networkErrorKey) }),
    );
    return () => {
      latest = false;
    };
    // The language is asked for by `api` (Accept-Language); `t` and the key only word a failure.
  }, [path, i18n.language, attempt]);

  return { loaded, retry: () => setAttempt((n) => n + 1) };
}
