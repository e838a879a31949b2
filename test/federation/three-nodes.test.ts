// Three Lintas nodes as separate processes on loopback ports, each with its own database: a Cambodian MRC
// (SQLite), a Thai union centre (PostgreSQL when available) and the Cambodian labour attaché in Bangkok
// (SQLite). Referrals and their state changes travel between them as signed messages; one node is stopped
// for a while and restarted; every message must be applied exactly once and in order.
import { CompactSign, generateKeyPair, importJWK, type JWK } from 'jose';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database';
import type { Database } from '../../src/db/schema';
import { postgresAvailable } from '../support/databases';
import { disposableDatabase } from '../../src/db/disposable';
import { groupComplaint } from '../support/factories';
import { freePort, startLintasProcess } from '../support/process';
import { type Client, client } from '../support/server';

const password = 'three nodes, one federation';

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

interface Node {
  id: string;
  port: number;
  databaseUrl: string;
  drop: () => Promise<void>;
  stop: () => Promise<void>;
  start: () => Promise<void>;
  baseUrl: string;
  admin: Client;
  organisationId: string;
  manager: Client;
  supervisor: Client;
  db: Kysely<Database>;
  closeDb: () => Promise<void>;
}

async function makeNode(id: string, kind: 'sqlite' | 'postgres', organisation: { name: string; type: string; country: string; languages: string[] }): Promise<Node> {
  const port = await freePort();
  const database = await disposableDatabase(kind, `fed_${id.replace(/-/g, '_')}`);
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    DATABASE_URL: database.url,
    PORT: String(port),
    LINTAS_NODE_ID: id,
    LINTAS_NODE_URL: baseUrl,
    LINTAS_ADMIN_EMAIL: `admin@${id}.test`,
    LINTAS_ADMIN_PASSWORD: password,
    LINTAS_FEDERATION_MAX_BACKOFF_SECONDS: '1',
    LINTAS_LOGIN_RATE_LIMIT: '1000',
  };
  let child: Awaited<ReturnType<typeof startLintasProcess>>['child'] | undefined;
  const node = {
    id,
    port,
    baseUrl,
    databaseUrl: database.url,
    drop: database.drop,
    async start() {
      ({ child } = await startLintasProcess(env));
    },
    async stop() {
      if (!child) return;
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      child = undefined;
    },
  } as Node;
  await node.start();
  const login = async (email: string) => {
    const response = await client(baseUrl).post('/api/v1/auth/login', { email, password });
    if (response.status !== 200) throw new Error(`log-in at ${id} failed: ${response.text}`);
    return client(baseUrl, response.body.token);
  };
  node.admin = await login(`admin@${id}.test`);
  const created = await node.admin.post('/api/v1/organisations', { ...organisation, firstActionDays: 5, resolutionDays: 60, acceptsPublicComplaints: true });
  expect(created.status).toBe(201);
  node.organisationId = created.body.id;
  for (const role of ['case_manager', 'supervisor']) {
    const user = await node.admin.post('/api/v1/users', { email: `${role}@${id}.test`, password, name: `${role} at ${id}`, organisationId: node.organisationId, role });
    expect(user.status).toBe(201);
  }
  node.manager = await login(`case_manager@${id}.test`);
  node.supervisor = await login(`supervisor@${id}.test`);
  const handle = openDatabase(database.url);
  node.db = handle.db;
  node.closeDb = handle.close;
  return node;
}

describe('three Lintas nodes exchanging referrals as signed messages', () => {
  let mrc: Node;
  let union: Node;
  let attache: Node;
  let mrcPrivateKey: JWK;

  beforeAll(async () => {
    mrc = await makeNode('kh-mrc-phnom-penh', 'sqlite', { name: 'Phnom Penh Migrant Worker Resource Centre', type: 'migrant_resource_centre', country: 'KH', languages: ['km', 'en'] });
    union = await makeNode('th-union-centre', postgresAvailable ? 'postgres' : 'sqlite', { name: 'Thai union centre for migrant workers', type: 'trade_union_centre', country: 'TH', languages: ['th', 'km', 'my'] });
    attache = await makeNode('kh-attache-bangkok', 'sqlite', { name: 'Cambodian labour attaché in Bangkok', type: 'labour_attache', country: 'TH', languages: ['km', 'th'] });
    // Trust set-up: each administrator registers the other two nodes' ids, addresses and keys, then fetches
    // their organisations into the directory.
    const nodes = [mrc, union, attache];
    const identities = await Promise.all(nodes.map(async (n) => (await client(n.baseUrl).get('/api/v1/federation/node')).body));
    for (const node of nodes) {
      for (const [i, other] of nodes.entries()) {
        if (other === node) continue;
        const registered = await node.admin.post('/api/v1/federation/partners', { nodeId: other.id, name: other.id, url: other.baseUrl, publicKey: identities[i].publicKey });
        expect(registered.status).toBe(201);
        const synced = await node.admin.post(`/api/v1/federation/partners/${other.id}/sync`, {});
        expect(synced.status).toBe(200);
        expect(synced.body.organisations).toBeGreaterThanOrEqual(2);
      }
    }
    mrcPrivateKey = JSON.parse((await mrc.db.selectFrom('settings').select('value').where('key', '=', 'node_private_jwk').executeTakeFirstOrThrow()).value);
  }, 180_000);

  afterAll(async () => {
    for (const node of [mrc, union, attache]) {
      if (!node) continue;
      await node.stop();
      await node.closeDb();
      await node.drop();
    }
  });

  const complaintAtMrc = async () => {
    const response = await mrc.manager.post('/api/v1/complaints', groupComplaint({ destination: 'TH' }));
    expect(response.status).toBe(201);
    return response.body as { id: string; reference: string };
  };
  const referralAt = (node: Node, id: string) => waitFor(`referral ${id} at ${node.id}`, async () => {
    const response = await node.manager.get(`/api/v1/referrals/${id}`);
    return response.status === 200 ? response.body : undefined;
  });

  it('lists the partners’ organisations in the directory', async () => {
    const directory = await mrc.manager.get('/api/v1/directory?country=TH');
    const names = directory.body.items.map((o: { name: string }) => o.name);
    expect(names).toEqual(expect.arrayContaining(['Thai union centre for migrant workers', 'Cambodian labour attaché in Bangkok']));
    expect(directory.body.items.find((o: { name: string }) => o.name === 'Thai union centre for migrant workers').nodeId).toBe('th-union-centre');
  });

  it('sends a referral to another node; the answer, the thread and the outcome come back', async () => {
    const complaint = await complaintAtMrc();
    const sent = await mrc.manager.post(`/api/v1/complaints/${complaint.id}/referrals`, {
      toOrganisationId: union.organisationId,
      kind: 'referral',
      reason: 'The employer is in Samut Prakan; please negotiate the unpaid wages.',
      share: ['narrative', 'respondents'],
    });
    expect(sent.status).toBe(201);
    const id = sent.body.id as string;

    const received = await referralAt(union, id);
    expect(received).toMatchObject({ direction: 'incoming', state: 'pending', reference: complaint.reference, from: { name: 'Phnom Penh Migrant Worker Resource Centre' } });
    expect(received.shared).not.toHaveProperty('workers');
    expect(received.shared.narrative.language).toBe('km');

    expect((await union.manager.post(`/api/v1/referrals/${id}/actions`, { action: 'message', body: 'Which factory, and since when unpaid?' })).status).toBe(200);
    await waitFor('the question at the MRC', async () => (await mrc.manager.get(`/api/v1/referrals/${id}`)).body.events.some((e: { type: string }) => e.type === 'message'));
    expect((await mrc.manager.post(`/api/v1/referrals/${id}/actions`, { action: 'message', body: 'The garment factory, since June.' })).status).toBe(200);
    expect((await union.manager.post(`/api/v1/referrals/${id}/actions`, { action: 'accept' })).status).toBe(200);
    expect((await union.manager.post(`/api/v1/referrals/${id}/actions`, { action: 'complete', outcome: { type: 'wages_recovered', currency: 'THB', claimed: 4_000_000, received: 3_000_000 } })).status).toBe(200);

    const done = await waitFor('completion at the MRC', async () => {
      const r = (await mrc.manager.get(`/api/v1/referrals/${id}`)).body;
      return r.state === 'completed' ? r : undefined;
    });
    const order = ['sent', 'message', 'message', 'accepted', 'completed'];
    expect(done.events.map((e: { type: string }) => e.type)).toEqual(order);
    expect((await union.manager.get(`/api/v1/referrals/${id}`)).body.events.map((e: { type: string }) => e.type)).toEqual(order);
    const detail = (await mrc.manager.get(`/api/v1/complaints/${complaint.id}`)).body;
    expect(detail.outcomes).toEqual([expect.objectContaining({ currency: 'THB', claimed: 4_000_000, received: 3_000_000 })]);
  });

  it('keeps messages for a node that is down and delivers them, in order and once, when it is back', async () => {
    await attache.stop();
    const complaint = await complaintAtMrc();
    const transfer = await mrc.manager.post(`/api/v1/complaints/${complaint.id}/referrals`, {
      toOrganisationId: attache.organisationId,
      kind: 'transfer',
      reason: 'Passports held by the employer: consular help needed in Bangkok.',
      share: ['narrative', 'workers', 'workerIdentity'],
    });
    expect(transfer.status).toBe(201);
    const second = await complaintAtMrc();
    const referral = await mrc.manager.post(`/api/v1/complaints/${second.id}/referrals`, {
      toOrganisationId: attache.organisationId, kind: 'referral', reason: 'Please check the agency licence.', share: ['respondents'],
    });
    for (const body of ['First follow-up while you were away.', 'Second follow-up.']) {
      expect((await mrc.manager.post(`/api/v1/referrals/${referral.body.id}/actions`, { action: 'message', body })).status).toBe(200);
    }
    expect((await mrc.manager.post(`/api/v1/referrals/${referral.body.id}/actions`, { action: 'withdraw', reason: 'Another desk handles it.' })).status).toBe(200);

    // The MRC keeps trying: its administrator sees messages waiting and the last error.
    const waiting = await waitFor('failed attempts', async () => {
      const partner = (await mrc.admin.get('/api/v1/federation/partners')).body.items.find((p: { nodeId: string }) => p.nodeId === attache.id);
      return partner.waiting === 5 && partner.lastError ? partner : undefined;
    });
    expect(waiting.lastError).toMatch(/ECONNREFUSED|fetch failed|connect/i);
    await new Promise((resolve) => setTimeout(resolve, 3000));

    await attache.start();
    await waitFor('the outbox to drain', async () => (await mrc.admin.get('/api/v1/federation/partners')).body.items.find((p: { nodeId: string }) => p.nodeId === attache.id).waiting === 0);

    const withdrawn = await referralAt(attache, referral.body.id);
    expect(withdrawn.state).toBe('withdrawn');
    expect(withdrawn.events.map((e: { type: string; body: string }) => [e.type, e.body])).toEqual([
      ['sent', 'Please check the agency licence.'],
      ['message', 'First follow-up while you were away.'],
      ['message', 'Second follow-up.'],
      ['withdrawn', 'Another desk handles it.'],
    ]);

    // The transfer: accepted at the attaché, it becomes their complaint; the MRC's closes; progress comes back.
    const accepted = await attache.supervisor.post(`/api/v1/referrals/${transfer.body.id}/actions`, { action: 'accept' });
    expect(accepted.body.complaintId).toBeTruthy();
    const theirs = await attache.manager.get(`/api/v1/complaints/${accepted.body.complaintId}`);
    expect(theirs.body).toMatchObject({ organisationId: attache.organisationId, channel: 'referral', workerCount: 7 });
    expect(theirs.body.workers[0].passportNumber).toBe('N01234560');
    expect((await attache.manager.post(`/api/v1/complaints/${accepted.body.complaintId}/transitions`, { to: 'in_progress' })).status).toBe(200);
    await waitFor('progress at the MRC', async () => {
      const events = (await mrc.manager.get(`/api/v1/referrals/${transfer.body.id}`)).body.events;
      return events.at(-1)?.type === 'progress' && events.at(-1).data.state === 'in_progress';
    });
    expect((await mrc.manager.get(`/api/v1/complaints/${complaint.id}`)).body.state).toBe('closed');
  });

  it('applied every message exactly once, numbered without gaps, in the order sent', async () => {
    for (const [sender, receiver] of [[mrc, union], [union, mrc], [mrc, attache], [attache, mrc]] as const) {
      const sent = await sender.db.selectFrom('federation_outbox').select(['id', 'seq', 'delivered_at']).where('to_node_id', '=', receiver.id).orderBy('seq').execute();
      const applied = await receiver.db.selectFrom('federation_inbox').select(['id', 'seq']).where('from_node_id', '=', sender.id).orderBy('seq').execute();
      expect(sent.length).toBeGreaterThan(0);
      expect(sent.every((m) => m.delivered_at)).toBe(true);
      expect(applied.map((m) => m.seq)).toEqual(sent.map((_, i) => i + 1));
      expect(applied.map((m) => m.id)).toEqual(sent.map((m) => m.id));
    }
  });

  it('refuses a duplicate without applying it twice, a replay, a gap, a tampered message and an unknown node', async () => {
    const key = await importJWK(mrcPrivateKey, 'EdDSA');
    const last = await union.db.selectFrom('federation_inbox').selectAll().where('from_node_id', '=', mrc.id).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    const original = await mrc.db.selectFrom('federation_outbox').selectAll().where('id', '=', last.id).executeTakeFirstOrThrow();
    const sign = (payload: Record<string, unknown>, signingKey = key, kid = mrc.id) =>
      new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'EdDSA', typ: 'lintas-message+jws', kid }).sign(signingKey);
    const message = (overrides: Record<string, unknown> = {}) => ({ id: original.id, from: mrc.id, to: union.id, seq: original.seq, type: original.type, iat: Math.floor(Date.now() / 1000), body: JSON.parse(original.body), ...overrides });
    const post = (jws: string) => fetch(`${union.baseUrl}/api/v1/federation/messages`, { method: 'POST', headers: { 'content-type': 'application/jose' }, body: jws });
    const events = async () => Number((await sql<{ n: number }>`select count(*) as n from referral_events`.execute(union.db)).rows[0].n);
    const before = await events();

    // Delivered again (the sender never heard the answer): acknowledged, not applied again.
    const again = await sign(message());
    const duplicate = await post(again);
    expect(duplicate.status).toBe(200);
    expect(await duplicate.json()).toMatchObject({ status: 'duplicate' });
    // The very same signed message once more: a replay.
    const replay = await post(again);
    expect(replay.status).toBe(409);
    expect((await replay.json()).error.code).toBe('federation_replayed');
    // A message that skips a number waits for the missing one.
    const gap = await post(await sign(message({ id: crypto.randomUUID(), seq: original.seq + 2 })));
    expect(gap.status).toBe(409);
    expect((await gap.json()).error).toMatchObject({ code: 'federation_out_of_order' });
    // Tampered: the payload changed after signing.
    const [header, , signature] = (await sign(message({ id: crypto.randomUUID(), seq: original.seq + 1 }))).split('.');
    const forged = Buffer.from(JSON.stringify(message({ id: crypto.randomUUID(), seq: original.seq + 1, body: { referralId: 'x' } }))).toString('base64url');
    const tampered = await post(`${header}.${forged}.${signature}`);
    expect(tampered.status).toBe(401);
    expect((await tampered.json()).error.message).toContain('bad_signature');
    // Stale: signed an hour ago.
    const stale = await post(await sign(message({ id: crypto.randomUUID(), seq: original.seq + 1, iat: Math.floor(Date.now() / 1000) - 3600 })));
    expect(stale.status).toBe(401);
    // An unregistered node, with its own valid key.
    const rogue = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const unknown = await post(await sign(message({ id: crypto.randomUUID(), from: 'rogue-node', seq: 1 }), rogue.privateKey, 'rogue-node'));
    expect(unknown.status).toBe(401);
    expect((await unknown.json()).error.message).toContain('unknown_node');

    expect(await events()).toBe(before);
  });
});
