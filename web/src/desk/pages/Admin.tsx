import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api';
import { formatDate } from '../../shared/i18n';
import { assignableRoles, formatNumber } from '../components/codes';
import { DirectoryProfileForm } from '../components/directory/DirectoryProfileForm';
import type { User } from '../components/types';
import { Announcement, ErrorAlert, Field, PageHeading, useAnnouncement, useErrorMessage, useSubmission } from '../components/ui';
import { type Organisation, useSession } from '../session';

const emptyUser = { email: '', name: '', role: 'desk_officer', password: '' };

function Users({ organisationId }: { organisationId: string }) {
  const { t, i18n } = useTranslation();
  const { user: me } = useSession();
  const errorMessage = useErrorMessage();
  const [users, setUsers] = useState<User[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [draft, setDraft] = useState(emptyUser);
  const { busy, error, setError, errors, setErrors, send } = useSubmission({
    fieldsOf: (caught) => (caught.code === 'email_taken' ? { email: caught.message, ...caught.fieldErrors() } : caught.fieldErrors()),
    controlId: (field) => `user-${field}`,
  });
  const status = useAnnouncement();

  const load = useCallback(async () => {
    try {
      const result = await api<{ items: User[] }>('GET', `/api/v1/users?organisationId=${organisationId}`);
      setUsers([...result.items].sort((a, b) => a.name.localeCompare(b.name)));
      setListError(null);
    } catch (caught) {
      setListError(errorMessage(caught));
    }
  }, [organisationId, errorMessage]);

  useEffect(() => {
    void load();
  }, [load]);

  const set = (key: keyof typeof emptyUser, value: string) => setDraft((current) => ({ ...current, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setErrors({});
    await send(async () => {
      const created = await api<User>('POST', '/api/v1/users', { ...draft, email: draft.email.trim(), name: draft.name.trim(), organisationId });
      setDraft(emptyUser);
      await load();
      status.announce(t('admin.users.added', { name: created.name, role: t(`server:role.${created.role}`) }));
    });
  };

  const roles = me.role === 'system_admin' ? [...assignableRoles, 'system_admin'] : assignableRoles;
  return (
    <section aria-labelledby="users-heading">
      <h2 id="users-heading">{t('admin.users.title')}</h2>
      <ErrorAlert message={listError} />
      {users && users.length === 0 && <p>{t('admin.users.none')}</p>}
      {users && users.length > 0 && (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('admin.users.name')}</th>
                <th scope="col">{t('admin.users.email')}</th>
                <th scope="col">{t('admin.users.role')}</th>
                <th scope="col">{t('admin.users.since')}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <th scope="row">{u.name}</th>
                  <td>{u.email}</td>
                  <td>{t(`server:role.${u.role}`)}</td>
                  <td className="nowrap">{u.createdAt ? formatDate(u.createdAt, i18n.language) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Announcement message={status.message} announcementRef={status.ref} />

      <form onSubmit={(event) => void submit(event)} className="card" aria-labelledby="add-user-heading" noValidate>
        <h3 id="add-user-heading" style={{ marginTop: 0 }}>{t('admin.users.addTitle')}</h3>
        <div className="fields">
          <Field id="user-name" label={t('admin.users.name')} error={errors.name} required render={(p) => (
            <input {...p} type="text" autoComplete="off" value={draft.name} onChange={(e) => set('name', e.target.value)} />
          )} />
          <Field id="user-email" label={t('admin.users.email')} error={errors.email} required render={(p) => (
            <input {...p} type="email" autoComplete="off" value={draft.email} onChange={(e) => set('email', e.target.value)} />
          )} />
          <Field id="user-role" label={t('admin.users.role')} error={errors.role} required render={(p) => (
            <select {...p} value={draft.role} onChange={(e) => set('role', e.target.value)}>
              {roles.map((role) => <option key={role} value={role}>{t(`server:role.${role}`)}</option>)}
            </select>
          )} />
          <Field id="user-password" label={t('admin.users.password')} hint={t('admin.users.passwordHint')} error={errors.password} required render={(p) => (
            <input {...p} type="password" autoComplete="new-password" minLength={12} value={draft.password} onChange={(e) => set('password', e.target.value)} />
          )} />
        </div>
        <ErrorAlert message={error} />
        <div className="actions">
          <button type="submit" disabled={busy}>{t('admin.users.add')}</button>
        </div>
      </form>
    </section>
  );
}

function Deadlines({ organisationId }: { organisationId: string }) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const [organisation, setOrganisation] = useState<Organisation | null>(null);
  const [values, setValues] = useState({ firstActionDays: '', resolutionDays: '' });
  const { busy, error, setError, errors, setErrors, send } = useSubmission();
  const status = useAnnouncement();

  useEffect(() => {
    api<Organisation>('GET', `/api/v1/organisations/${organisationId}`).then(
      (org) => {
        setOrganisation(org);
        setValues({ firstActionDays: String(org.firstActionDays), resolutionDays: String(org.resolutionDays) });
      },
      (caught) => setError(errorMessage(caught)),
    );
  }, [organisationId, errorMessage]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setErrors({});
    await send(async () => {
      const number = (value: string) => (/^\d+$/.test(value.trim()) ? Number(value) : value);
      const org = await api<Organisation>('PUT', `/api/v1/organisations/${organisationId}/deadlines`, {
        firstActionDays: number(values.firstActionDays),
        resolutionDays: number(values.resolutionDays),
      });
      setOrganisation(org);
      status.announce(t('admin.deadlines.saved', { first: formatNumber(org.firstActionDays, i18n.language), resolution: formatNumber(org.resolutionDays, i18n.language) }));
    });
  };

  return (
    <section aria-labelledby="deadlines-heading">
      <h2 id="deadlines-heading">{t('admin.deadlines.title')}</h2>
      <form onSubmit={(event) => void submit(event)} className="card" noValidate aria-labelledby="deadlines-heading">
        <p className="hint">{t('admin.deadlines.hint')}</p>
        <div className="fields">
          <Field id="firstActionDays" label={t('admin.deadlines.firstActionDays')} error={errors.firstActionDays} hint={t('admin.deadlines.firstActionHint')} render={(p) => (
            <input {...p} type="number" min={1} max={365} inputMode="numeric" value={values.firstActionDays}
              onChange={(e) => setValues((v) => ({ ...v, firstActionDays: e.target.value }))} />
          )} />
          <Field id="resolutionDays" label={t('admin.deadlines.resolutionDays')} error={errors.resolutionDays} hint={t('admin.deadlines.resolutionHint')} render={(p) => (
            <input {...p} type="number" min={1} max={3650} inputMode="numeric" value={values.resolutionDays}
              onChange={(e) => setValues((v) => ({ ...v, resolutionDays: e.target.value }))} />
          )} />
        </div>
        <ErrorAlert message={error} />
        <Announcement message={status.message} announcementRef={status.ref} />
        <div className="actions">
          <button type="submit" disabled={busy || !organisation}>{t('admin.deadlines.save')}</button>
        </div>
      </form>
    </section>
  );
}

export function Admin() {
  const { t } = useTranslation();
  const { user, organisation } = useSession();
  const allowed = user.role === 'org_admin' || user.role === 'system_admin';
  return (
    <>
      <PageHeading title={t('admin.title', { organisation: organisation?.name ?? '' })} />
      {!allowed ? (
        <p className="alert" role="alert">{t('admin.notAllowed')}</p>
      ) : (
        <>
          <Deadlines organisationId={user.organisationId} />
          <DirectoryProfileForm organisationId={user.organisationId} />
          <Users organisationId={user.organisationId} />
        </>
      )}
    </>
  );
}
