import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runLintas } from '../support/process';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lintas-cli-'));
const env = (name: string) => ({ DATABASE_URL: `sqlite:${path.join(dir, name)}` });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const snapshot = (file: string) => {
  const db = new Database(path.join(dir, file), { readonly: true });
  const rows = db.prepare('select reference, state, origin, destination, grievance_codes, narrative_text, worker_count from complaints order by reference').all();
  db.close();
  return rows;
};

describe('the lintas command', () => {
  it('seeds the same synthetic complaints for the same seed, and others for another seed', async () => {
    for (const [file, seed] of [['a.db', '42'], ['b.db', '42'], ['c.db', '43']]) {
      const result = await runLintas(['seed', '--synthetic', '150', '--seed', seed, '--until', '2026-11-01'], env(file));
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('150');
    }
    const a = snapshot('a.db');
    expect(a).toHaveLength(150);
    expect(snapshot('b.db')).toEqual(a);
    expect(snapshot('c.db')).not.toEqual(a);
  });

  it('verifies the audit chain, and exits with status 2 naming the entry someone rewrote', async () => {
    const ok = await runLintas(['audit', 'verify'], env('a.db'));
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/1\d\d entries/);
    const db = new Database(path.join(dir, 'a.db'));
    db.exec('drop trigger audit_log_no_update');
    db.prepare("update audit_log set action = 'complaint.read' where seq = 40").run();
    db.close();
    const broken = await runLintas(['audit', 'verify'], env('a.db'));
    expect(broken.code).toBe(2);
    expect(broken.stdout).toContain('40');
  });

  it('backs up a database into a file that opens with the same complaints', async () => {
    const out = path.join(dir, 'backups', 'copy');
    const result = await runLintas(['backup', '--out', out], env('b.db'));
    expect(result.code, result.stderr).toBe(0);
    const copy = new Database(`${out}.db`, { readonly: true });
    expect((copy.prepare('select count(*) as n from complaints').get() as { n: number }).n).toBe(150);
    copy.close();
  });

  it('creates organisations and users, and explains a bad configuration in the terminal’s language', async () => {
    const org = await runLintas(['organisation', 'create', '--name', 'MRC Kampot', '--type', 'migrant_resource_centre', '--country', 'KH', '--languages', 'km,en'], env('d.db'));
    expect(org.code, org.stderr).toBe(0);
    const id = /id ([0-9a-f-]{36})/.exec(org.stdout)?.[1];
    expect(id).toBeDefined();
    const user = await runLintas(['user', 'create', '--email', 'desk@kampot.example', '--name', 'Desk', '--organisation', id!, '--role', 'desk_officer'], { ...env('d.db'), LINTAS_USER_PASSWORD: 'a long enough password' });
    expect(user.code, user.stderr).toBe(0);
    const bad = await runLintas(['migrate'], { DATABASE_URL: 'mysql://nowhere', LANG: 'th_TH.UTF-8' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('DATABASE_URL');
    expect(bad.stderr).toMatch(/[\u0E00-\u0E7F]/);
  });
});

describe('lintas rights check', () => {
  it('prints the findings for a case file and exits with status 3 when a provision is breached', async () => {
    const file = path.join(dir, 'case.json');
    fs.writeFileSync(file, JSON.stringify({ origin: 'ID', destination: 'MY', sector: 'domestic_work', recruitedOn: '2012-03-01', passportHeldBy: 'employer' }));
    const result = await runLintas(['rights', 'check', file], env('rights.db'));
    expect(result.code, result.stderr).toBe(3);
    expect(result.stdout).toContain('Protocol');
    expect(result.stdout).toMatch(/BREACH\s+The passport is held by the employer/);
    const json = await runLintas(['rights', 'check', file, '--json'], env('rights.db'));
    expect(JSON.parse(json.stdout).findings.length).toBeGreaterThan(5);
    fs.writeFileSync(file, JSON.stringify({ origin: 'ID', destination: 'MY', recruitedOn: '2012-03-01', passportHeldBy: 'worker' }));
    expect((await runLintas(['rights', 'check', file], env('rights.db'))).code).toBe(0);
  });
});

describe('lintas agencies import', () => {
  it('dry-runs an official list, naming each bad row, then imports the good ones and a Thai list with Buddhist-era dates', async () => {
    const list = path.resolve(__dirname, '../fixtures/agencies/licences-id.csv');
    const dry = await runLintas(['agencies', 'import', list, '--country', 'ID', '--dry-run'], env('agencies.db'));
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/Dry run.*40 rows: 36 would be added/);
    for (const line of [9, 17, 26, 34]) expect(dry.stdout).toContain(`line ${line}:`);
    expect(dry.stdout).toContain('Sementara');
    const real = await runLintas(['agencies', 'import', list, '--country', 'ID'], env('agencies.db'));
    expect(real.stdout).toMatch(/36 agencies added/);
    const thai = await runLintas(['agencies', 'import', path.resolve(__dirname, '../fixtures/agencies/licences-th.csv'), '--country', 'TH'], { ...env('agencies.db'), LANG: 'th_TH.UTF-8' });
    expect(thai.code, thai.stderr).toBe(0);
    const db = new Database(path.join(dir, 'agencies.db'), { readonly: true });
    expect((db.prepare("select count(*) as n from agencies where issuing_country = 'TH'").get() as { n: number }).n).toBe(25);
    expect((db.prepare("select min(licence_valid_from) as d from agencies where issuing_country = 'TH'").get() as { d: string }).d < '2100').toBe(true);
    db.close();
  });
  it('prints this node’s identity, which a partner node registers with `lintas partner add`', async () => {
    const kh = { ...env('node-kh.db'), LINTAS_DEMO: '0', LINTAS_NODE_ID: 'kh-mrc-test', LINTAS_NODE_URL: 'http://127.0.0.1:4101' };
    const shown = await runLintas(['node', 'show'], kh);
    expect(shown.code, shown.stderr).toBe(0);
    const identity = JSON.parse(shown.stdout);
    expect(identity).toMatchObject({ nodeId: 'kh-mrc-test', url: 'http://127.0.0.1:4101', publicKey: { kty: 'OKP', crv: 'Ed25519' } });
    expect(identity.publicKey).not.toHaveProperty('d');
    expect(JSON.parse((await runLintas(['node', 'show'], kh)).stdout)).toEqual(identity); // the key pair is kept
    const file = path.join(dir, 'kh-identity.json');
    fs.writeFileSync(file, shown.stdout);
    const added = await runLintas(['partner', 'add', '--identity', file, '--name', 'Phnom Penh MRC'], { ...env('node-th.db'), LINTAS_DEMO: '0', LINTAS_NODE_ID: 'th-union-test' });
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('kh-mrc-test');
    const db = new Database(path.join(dir, 'node-th.db'), { readonly: true });
    expect(db.prepare('select node_id, name, url from federation_partners').all()).toEqual([{ node_id: 'kh-mrc-test', name: 'Phnom Penh MRC', url: 'http://127.0.0.1:4101' }]);
    db.close();
  });
});
