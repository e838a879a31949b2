import { afterAll, expect, it } from 'vitest';
import { openContext } from '../../src/bootstrap';
import { loadConfig } from '../../src/config';
import { verifyAuditChain } from '../../src/modules/audit/service';
import { createOrganisation } from '../../src/modules/organisations/service';
import { createUser } from '../../src/modules/users/service';
import { describeEachDatabase, freshDatabaseUrl } from '../support/databases';
import { groupComplaint } from '../support/factories';
import { startLintasProcess } from '../support/process';
import { client } from '../support/server';

const password = 'crash test password';

describeEachDatabase('a server killed hard during a burst of intake', (kind) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('still has every complaint it acknowledged with 201 after a restart', async () => {
    const database = await freshDatabaseUrl(kind);
    cleanups.push(database.drop);
    const env = { DATABASE_URL: database.url };
    {
      const { ctx, handle } = await openContext(loadConfig({ ...env, LOG_LEVEL: 'silent' }));
      const organisation = await createOrganisation(ctx, { kind: 'system' }, { name: 'Crash desk', type: 'trade_union_centre', country: 'KH', languages: ['km'], firstActionDays: 10, resolutionDays: 90, acceptsPublicComplaints: false });
      await createUser(ctx, { kind: 'system' }, { email: 'desk@crash.test', password, name: 'Desk', organisationId: organisation.id, role: 'supervisor' });
      await handle.close();
    }

    const first = await startLintasProcess(env);
    const firstExited = new Promise((resolve) => first.child.once('exit', resolve));
    cleanups.push(async () => void first.child.kill('SIGKILL'));
    const token = (await client(first.baseUrl).post('/api/v1/auth/login', { email: 'desk@crash.test', password })).body.token as string;
    const api = client(first.baseUrl, token);

    const acknowledged: Array<{ id: string; reference: string }> = [];
    let failures = 0;
    let killed = false;
    const worker = async () => {
      while (!killed) {
        try {
          const response = await api.post('/api/v1/complaints', groupComplaint());
          if (response.status === 201) acknowledged.push({ id: response.body.id, reference: response.body.reference });
          else failures += 1;
        } catch {
          failures += 1; // the connection died with the server: not acknowledged
          return;
        }
        if (acknowledged.length >= 60 && !killed) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    await firstExited;
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThanOrEqual(60);
    expect(failures).toBeGreaterThan(0); // requests were in flight when it died

    const second = await startLintasProcess(env);
    cleanups.push(async () => void second.child.kill('SIGKILL'));
    const again = client(second.baseUrl, (await client(second.baseUrl).post('/api/v1/auth/login', { email: 'desk@crash.test', password })).body.token);
    for (const { id, reference } of acknowledged) {
      const response = await again.get(`/api/v1/complaints/${id}`);
      expect(response.status, `complaint ${reference} was acknowledged but is missing`).toBe(200);
      expect(response.body.reference).toBe(reference);
      expect(response.body.workers).toHaveLength(7);
    }
    const secondExited = new Promise((resolve) => second.child.once('exit', resolve));
    second.child.kill('SIGTERM');
    await secondExited;

    const { ctx, handle } = await openContext(loadConfig({ ...env, LOG_LEVEL: 'silent' }));
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
    const stored = await ctx.db.selectFrom('complaints').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBeGreaterThanOrEqual(acknowledged.length);
    await handle.close();
  });
});
