import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases';
import { client, organisationWithStaff, startTestServer, type TestServer } from '../support/server';

describeEachDatabase('the directory of organisations', (kind) => {
  let server: TestServer;
  let johorUnion: Awaited<ReturnType<typeof organisationWithStaff>>;
  let johorClinic: Awaited<ReturnType<typeof organisationWithStaff>>;
  let selangorShelter: Awaited<ReturnType<typeof organisationWithStaff>>;
  let unlisted: Awaited<ReturnType<typeof organisationWithStaff>>;

  beforeAll(async () => {
    server = await startTestServer(kind);
    johorUnion = await organisationWithStaff(server, 'Johor union desk', 'MY', 'trade_union_centre');
    johorClinic = await organisationWithStaff(server, 'Johor legal aid clinic', 'MY');
    selangorShelter = await organisationWithStaff(server, 'Selangor shelter', 'MY');
    unlisted = await organisationWithStaff(server, 'Internal desk', 'MY');
    const profile = (overrides: Record<string, unknown>) => ({ services: [], areas: [], contacts: {}, focalPoints: [], listed: true, ...overrides });
    const set = async (org: typeof johorUnion, body: Record<string, unknown>) => {
      const response = await org.users.org_admin.client.put(`/api/v1/organisations/${org.organisation.id}/profile`, body);
      expect(response.status).toBe(200);
      return response.body;
    };
    // The test organisations speak Khmer and English; a Burmese-speaking focal point makes one of them speak Burmese.
    await set(johorUnion, profile({ services: ['conciliation', 'legal_aid'], areas: [{ country: 'MY', subdivision: 'MY-01', name: 'Johor' }] }));
    await set(johorClinic, profile({
      services: ['legal_aid'],
      areas: [{ country: 'MY', subdivision: 'MY-01', name: 'Johor' }],
      hours: 'Tue and Thu 10:00–16:00',
      contacts: { phone: '+60 7 330 0000', email: 'clinic@example.org' },
      focalPoints: [{ name: 'Daw Hnin Wai', role: 'Paralegal', languages: ['my'] }],
    }));
    await set(selangorShelter, profile({ services: ['shelter', 'legal_aid'], areas: [{ country: 'MY' }], focalPoints: [{ name: 'Ko Aung', languages: ['my'] }] }));
    await set(unlisted, profile({ services: ['legal_aid'], areas: [{ country: 'MY', subdivision: 'MY-01' }], focalPoints: [{ name: 'Ma Su', languages: ['my'] }], listed: false }));
  });
  afterAll(async () => server?.close());

  it('finds legal aid in Johor in Burmese, the organisations naming Johor first', async () => {
    const found = await client(server.baseUrl).get('/api/v1/public/directory?service=legal_aid&area=MY-01&language=my');
    expect(found.status).toBe(200);
    expect(found.body.items.map((o: { name: string }) => o.name)).toEqual(['Johor legal aid clinic', 'Selangor shelter']);
    expect(found.body.items[0].profile).toMatchObject({ hours: 'Tue and Thu 10:00–16:00', contacts: { phone: '+60 7 330 0000' }, focalPoints: [{ name: 'Daw Hnin Wai' }] });
    expect(found.body.items[0]).not.toHaveProperty('firstActionDays');
  });

  it('shows desk users unlisted organisations too, to refer cases to', async () => {
    const found = await johorUnion.users.desk_officer.client.get('/api/v1/directory?service=legal_aid&area=MY-01&language=my');
    expect(found.body.items.map((o: { name: string }) => o.name)).toEqual(['Internal desk', 'Johor legal aid clinic', 'Selangor shelter']);
    expect((await client(server.baseUrl).get('/api/v1/directory')).status).toBe(401);
  });

  it('refuses a bad profile with a translated error and changes nothing; only the organisation’s administrators may edit it', async () => {
    const bad = await johorClinic.users.org_admin.client.put(`/api/v1/organisations/${johorClinic.organisation.id}/profile?lang=ms`, {
      services: ['astrology'], areas: [{ country: 'MY', subdivision: 'TH-10' }], contacts: {}, focalPoints: [], listed: true,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['body.areas.0.subdivision', 'body.services.0']);
    expect(bad.body.error.details.find((d: { path: string }) => d.path === 'body.areas.0.subdivision').message).toContain('MY-01');
    const after = await johorClinic.users.org_admin.client.get(`/api/v1/organisations/${johorClinic.organisation.id}`);
    expect(after.body.profile.services).toEqual(['legal_aid']);
    expect((await johorClinic.users.supervisor.client.put(`/api/v1/organisations/${johorClinic.organisation.id}/profile`, { listed: false })).status).toBe(403);
    expect((await johorUnion.users.org_admin.client.put(`/api/v1/organisations/${johorClinic.organisation.id}/profile`, { listed: false })).status).toBe(404);
  });
});
