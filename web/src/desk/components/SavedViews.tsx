import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../session';

interface SavedView {
  name: string;
  query: string;
}

const storageKey = (userId: string) => `lintas.desk.savedViews.${userId}`;

function readViews(userId: string): SavedView[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(storageKey(userId)) ?? '[]') as unknown;
    return Array.isArray(parsed) ? parsed.filter((v): v is SavedView => typeof v?.name === 'string' && typeof v?.query === 'string') : [];
  } catch {
    return [];
  }
}

/** Named filter sets kept on this device (localStorage, per user): a link for each and a form to save the current one. */
export function SavedViews({ currentQuery }: { currentQuery: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [views, setViews] = useState<SavedView[]>(() => readViews(user.id));
  const [name, setName] = useState('');
  const [status, setStatus] = useState<string | null>(null);

  const store = (next: SavedView[]) => {
    setViews(next);
    try {
      localStorage.setItem(storageKey(user.id), JSON.stringify(next));
    } catch {
      // Private browsing or full storage: the views still work until the page is closed.
    }
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    store([...views.filter((view) => view.name !== trimmed), { name: trimmed, query: currentQuery }]);
    setName('');
    setStatus(t('list.views.saved', { name: trimmed }));
  };

  const remove = (view: SavedView) => {
    store(views.filter((v) => v !== view));
    setStatus(t('list.views.removed', { name: view.name }));
  };

  return (
    <section aria-labelledby="views-heading" className="card">
      <h2 id="views-heading" style={{ marginTop: 0 }}>{t('list.views.title')}</h2>
      {views.length === 0 ? (
        <p className="hint">{t('list.views.none')}</p>
      ) : (
        <ul className="saved-views">
          {views.map((view) => (
            <li key={view.name}>
              <Link to={`/desk/complaints${view.query ? `?${view.query}` : ''}`} aria-current={view.query === currentQuery ? 'true' : undefined}>
                {view.name}
              </Link>
              <button type="button" className="link small" onClick={() => remove(view)} aria-label={t('list.views.remove', { name: view.name })}>
                {t('list.views.removeShort')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={save}>
        <label htmlFor="view-name">{t('list.views.name')}</label>
        <div className="inline-controls search">
          <input id="view-name" type="text" value={name} maxLength={60} onChange={(event) => setName(event.target.value)} />
          <button type="submit" className="secondary">{t('list.views.save')}</button>
        </div>
      </form>
      <p role="status" className="hint">{status}</p>
    </section>
  );
}
