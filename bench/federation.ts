// Referral messages between two Lintas nodes (two `lintas start` processes on loopback, SQLite each):
// delivery delay with the receiver up, throughput when a backlog drains, and, as the baseline, the raw rate of
// signed HTTP requests to the same receiving process (signed and checked the same way, nothing stored).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CompactSign, importJWK, type JWK } from 'jose';
import { freePort } from '../test/support/process';
import { openDatabase } from '../src/db/database';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const password = 'federation benchmark password';

function start(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(root, 'bin/lintas.js'), 'start'], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', LINTAS_DEMO: '0', LOG_LEVEL: 'error', LINTAS_LOGIN_RATE_LIMIT: '1000', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/http:\/\/localhost:\d+/.test(output)) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${output}`)));
  });
}

async function stop(child: ChildProcess) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function call(baseUrl: string, method: string, route: string, body?: unknown, token?: string) {
  const response = await fetch(`${baseUrl}${route}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await response.json();
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

export async function benchFederation(options: { quick: boolean }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lintas-bench-federation-'));
  const [senderPort, receiverPort] = [await freePort(), await freePort()];
  const nodes = {
    sender: { id: 'bench-kh-mrc', port: senderPort, url: `http://127.0.0.1:${senderPort}`, db: `sqlite:${path.join(dir, 'sender.db')}` },
    receiver: { id: 'bench-th-union', port: receiverPort, url: `http://127.0.0.1:${receiverPort}`, db: `sqlite:${path.join(dir, 'receiver.db')}` },
  };
  const children: ChildProcess[] = [];
  const tokens: Record<string, string> = {};
  const organisations: Record<string, string> = {};
  for (const [name, node] of Object.entries(nodes)) {
    children.push(
      await start({
        DATABASE_URL: node.db,
        PORT: String(node.port),
        LINTAS_NODE_ID: node.id,
        LINTAS_NODE_URL: node.url,
        LINTAS_ADMIN_EMAIL: `admin@${node.id}.test`,
        LINTAS_ADMIN_PASSWORD: password,
        LINTAS_FEDERATION_MAX_BACKOFF_SECONDS: '1',
      }),
    );
    const admin = (await call(node.url, 'POST', '/api/v1/auth/login', { email: `admin@${node.id}.test`, password })).token as string;
    const organisation = await call(node.url, 'POST', '/api/v1/organisations', { name: `${node.id} desk`, type: 'trade_union_centre', country: 'KH', languages: ['km'] }, admin);
    await call(node.url, 'POST', '/api/v1/users', { email: `manager@${node.id}.test`, password, name: 'Case manager', organisationId: organisation.id, role: 'case_manager' }, admin);
    tokens[name] = (await call(node.url, 'POST', '/api/v1/auth/login', { email: `manager@${node.id}.test`, password })).token;
    tokens[`${name}-admin`] = admin;
    organisations[name] = organisation.id;
  }
  const identity = async (url: string) => call(url, 'GET', '/api/v1/federation/node');
  const [senderIdentity, receiverIdentity] = [await identity(nodes.sender.url), await identity(nodes.receiver.url)];
  await call(nodes.receiver.url, 'POST', '/api/v1/federation/partners', { nodeId: nodes.sender.id, name: 'sender', url: nodes.sender.url, publicKey: senderIdentity.publicKey }, tokens['receiver-admin']);
  await call(nodes.sender.url, 'POST', '/api/v1/federation/partners', { nodeId: nodes.receiver.id, name: 'receiver', url: nodes.receiver.url, publicKey: receiverIdentity.publicKey }, tokens['sender-admin']);
  await call(nodes.sender.url, 'POST', `/api/v1/federation/partners/${nodes.receiver.id}/sync`, {}, tokens['sender-admin']);

  // One complaint and its referral; every message on its thread is one signed message to the other node.
  const complaint = await call(nodes.sender.url, 'POST', '/api/v1/complaints', {
    channel: 'walk_in', complainant: { type: 'worker' }, workers: [{ name: 'Sokha', sex: 'female' }], origin: 'KH', destination: 'TH', stage: 'employment',
    grievances: ['unpaid_wages'], narrative: { text: 'Wages unpaid for three months.', language: 'en' }, consent: { services: true, shareWithOrganisations: true, statistics: true },
  }, tokens.sender);
  const referral = await call(nodes.sender.url, 'POST', `/api/v1/complaints/${complaint.id}/referrals`, { toOrganisationId: organisations.receiver, kind: 'referral', reason: 'Benchmark', share: ['narrative'] }, tokens.sender);
  const senderDb = openDatabase(nodes.sender.db);
  const receiverDb = openDatabase(nodes.receiver.db);
  const drained = async () => {
    for (;;) {
      const row = await senderDb.db.selectFrom('federation_outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('delivered_at', 'is', null).executeTakeFirstOrThrow();
      if (Number(row.n) === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  await drained();

  // 1. Delay with the receiver up: messages written one after another (each waits for its API answer).
  const delayCount = options.quick ? 30 : 300;
  for (let i = 0; i < delayCount; i += 1) await call(nodes.sender.url, 'POST', `/api/v1/referrals/${referral.id}/actions`, { action: 'message', body: `Follow-up ${i}` }, tokens.sender);
  await drained();
  const sent = await senderDb.db.selectFrom('federation_outbox').select(['id', 'created_at']).orderBy('seq').execute();
  const applied = new Map((await receiverDb.db.selectFrom('federation_inbox').select(['id', 'received_at']).execute()).map((r) => [r.id, r.received_at]));
  const delays = sent.slice(-delayCount).map((m) => Date.parse(applied.get(m.id)!) - Date.parse(m.created_at)).sort((a, b) => a - b);

  // 2. Throughput: a backlog written while the receiver's address was wrong, then delivered once it is right.
  const backlog = options.quick ? 100 : 1000;
  await call(nodes.sender.url, 'POST', '/api/v1/federation/partners', { nodeId: nodes.receiver.id, name: 'receiver', url: 'http://127.0.0.1:9', publicKey: receiverIdentity.publicKey }, tokens['sender-admin']);
  for (let i = 0; i < backlog; i += 1) await call(nodes.sender.url, 'POST', `/api/v1/referrals/${referral.id}/actions`, { action: 'message', body: `Backlog ${i}` }, tokens.sender);
  await senderDb.db.updateTable('federation_outbox').set({ next_attempt_at: new Date().toISOString() }).where('delivered_at', 'is', null).execute();
  const drainStarted = performance.now();
  await call(nodes.sender.url, 'POST', '/api/v1/federation/partners', { nodeId: nodes.receiver.id, name: 'receiver', url: nodes.receiver.url, publicKey: receiverIdentity.publicKey }, tokens['sender-admin']);
  await drained();
  const drainSeconds = (performance.now() - drainStarted) / 1000;

  // 3. Baseline: signed requests (same key, same signature check on the receiver) one after another, nothing stored.
  const privateJwk = JSON.parse((await senderDb.db.selectFrom('settings').select('value').where('key', '=', 'node_private_jwk').executeTakeFirstOrThrow()).value) as JWK;
  const key = await importJWK(privateJwk, 'EdDSA');
  const pings = options.quick ? 100 : 1000;
  const pingStarted = performance.now();
  for (let i = 0; i < pings; i += 1) {
    const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify({ from: nodes.sender.id, to: nodes.receiver.id, iat: Math.floor(Date.now() / 1000), n: i })))
      .setProtectedHeader({ alg: 'EdDSA', typ: 'lintas-ping+jws', kid: nodes.sender.id })
      .sign(key);
    const response = await fetch(`${nodes.receiver.url}/api/v1/federation/ping`, { method: 'POST', headers: { 'content-type': 'application/jose' }, body: jws });
    if (!response.ok) throw new Error(`ping failed: ${response.status}`);
    await response.body?.cancel();
  }
  const pingRate = pings / ((performance.now() - pingStarted) / 1000);

  await senderDb.close();
  await receiverDb.close();
  for (const child of children) await stop(child);
  fs.rmSync(dir, { recursive: true, force: true });
  return { delayCount, delayP50: percentile(delays, 50), delayP95: percentile(delays, 95), backlog, deliveredPerSecond: backlog / drainSeconds, pings, pingRate };
}
