import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases';
import { groupComplaint } from '../support/factories';
import { client, organisationWithStaff, startTestServer, type TestServer } from '../support/server';

const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('payslip for March: 0 MYR\n'), Buffer.from('%%EOF\n')]);

describeEachDatabase('evidence, idempotent intake and the public form', (kind) => {
  let server: TestServer;
  let staff: Awaited<ReturnType<typeof organisationWithStaff>>;
  let complaintId: string;

  beforeAll(async () => {
    server = await startTestServer(kind, { LINTAS_EVIDENCE_MAX_BYTES: '4096', LINTAS_PUBLIC_RATE_LIMIT: '4' });
    staff = await organisationWithStaff(server, 'Prey Veng MRC');
    complaintId = (await staff.users.desk_officer.client.post('/api/v1/complaints', groupComplaint())).body.id;
  });
  afterAll(async () => server?.close());

  const upload = async (content: Buffer, type: string, filename: string) => {
    const form = new FormData();
    form.set('description', 'Payslip');
    form.set('file', new Blob([new Uint8Array(content)], { type }), filename);
    return fetch(`${server.baseUrl}/api/v1/complaints/${complaintId}/evidence`, { method: 'POST', headers: { authorization: `Bearer ${staff.users.desk_officer.token}` }, body: form });
  };

  it('attaches a PDF payslip and gives it back byte for byte', async () => {
    const response = await upload(pdf, 'application/pdf', 'payslip março.pdf');
    expect(response.status).toBe(201);
    const evidence = (await response.json()) as { id: string; sizeBytes: number; sha256: string; filename: string };
    expect(evidence.sizeBytes).toBe(pdf.length);
    expect(evidence.filename).toBe('payslip março.pdf');
    const download = await fetch(`${server.baseUrl}/api/v1/complaints/${complaintId}/evidence/${evidence.id}`, { headers: { authorization: `Bearer ${staff.users.case_manager.token}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it('refuses files that are too large or not what they claim to be', async () => {
    const large = await upload(Buffer.concat([pdf, Buffer.alloc(5000, 32)]), 'application/pdf', 'big.pdf');
    expect(large.status).toBe(413);
    expect(((await large.json()) as { error: { code: string } }).error.code).toBe('evidence_too_large');
    const disguised = await upload(Buffer.from('MZ\x90\x00 not a pdf'), 'application/pdf', 'evil.pdf');
    expect(disguised.status).toBe(415);
    const executable = await upload(Buffer.from('#!/bin/sh\necho hi'), 'application/x-sh', 'run.sh');
    expect(executable.status).toBe(415);
    const detail = await staff.users.case_manager.client.get(`/api/v1/complaints/${complaintId}`);
    expect(detail.body.evidence).toHaveLength(1);
  });

  it('registers a retried intake once when it carries the same Idempotency-Key', async () => {
    const desk = staff.users.desk_officer.client;
    const key = 'tablet-7f3a-0001';
    const first = await desk.post('/api/v1/complaints', groupComplaint({ destination: 'TH' }), { 'idempotency-key': key });
    const retry = await desk.post('/api/v1/complaints', groupComplaint({ destination: 'TH' }), { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    const list = await desk.get('/api/v1/complaints?destination=TH');
    expect(list.body.items).toHaveLength(1);
  });

  it('takes a complaint from the public form, routes it, and lets the worker follow it', async () => {
    const anonymous = client(server.baseUrl);
    const { channel: _channel, ...form } = groupComplaint({ workers: groupComplaint().workers.slice(0, 1) });
    const filed = await anonymous.post('/api/v1/public/complaints', { ...form, website: '' });
    expect(filed.status).toBe(201);
    expect(Object.keys(filed.body).sort()).toEqual(['pin', 'reference']);
    const tracked = await anonymous.post('/api/v1/public/track', filed.body);
    expect(tracked.body.state).toBe('received');
    const list = await staff.users.case_manager.client.get('/api/v1/complaints?channel=online');
    expect(list.body.items.map((c: { reference: string }) => c.reference)).toContain(filed.body.reference);
  });

  it('rejects the honeypot, then rate-limits the public form', async () => {
    const anonymous = client(server.baseUrl);
    const { channel: _channel, ...form } = groupComplaint();
    const spam = await anonymous.post('/api/v1/public/complaints', { ...form, website: 'http://cheap-pills.example' });
    expect(spam.status).toBe(400);
    let limited = 0;
    for (let i = 0; i < 6; i += 1) {
      const response = await anonymous.post('/api/v1/public/track', { reference: 'KH-26-0000-0000', pin: '123456' });
      if (response.status === 429) {
        limited += 1;
        expect(response.body.error.code).toBe('rate_limited');
      }
    }
    expect(limited).toBeGreaterThan(0);
  });
});
