import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, setCsrfToken } from '../../shared/api';
import { useSubmission } from '../components/ui';
import { LanguageSwitcher } from '../../shared/LanguageSwitcher';

export function Login({ onLoggedIn }: { onLoggedIn: () => Promise<void> }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, send } = useSubmission();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await send(async () => {
      const result = await api<{ csrfToken: string }>('POST', '/api/v1/auth/login', { email, password });
      setCsrfToken(result.csrfToken);
      await onLoggedIn();
    });
  };

  return (
    <main id="main" className="narrow">
      <div className="actions" style={{ justifyContent: 'flex-end' }}>
        <LanguageSwitcher label={t('common.language')} />
      </div>
      <div className="card">
        <h1>{t('login.title')}</h1>
        <form onSubmit={(event) => void submit(event)} noValidate>
          <label htmlFor="email">{t('login.email')}</label>
          <input id="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} autoFocus />
          <label htmlFor="password">{t('login.password')}</label>
          <input id="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
          {error && <p className="alert" role="alert">{error}</p>}
          <div className="actions">
            <button type="submit" disabled={busy}>{t('login.submit')}</button>
          </div>
        </form>
      </div>
    </main>
  );
}
