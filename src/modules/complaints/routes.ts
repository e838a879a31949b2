import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { requireUser } from '../../http/authenticate';
import { errorResponseSchema, requestLanguage } from '../../http/errors';
import { bearerOrCookie, conflictResponses, errorResponses } from '../../http/responses';
import { AppError } from '../../lib/errors';
import {
  assignmentInputSchema,
  complaintDetailSchema,
  complaintEventSchema,
  complaintIdParams,
  complaintInputSchema,
  createdComplaintSchema,
  eventInputSchema,
  evidenceSchema,
  listQuerySchema,
  listResultSchema,
  outcomeInputSchema,
  outcomeSchema,
  transitionInputSchema,
} from './schema';
import {
  assignComplaint,
  attachEvidence,
  complaintAuditTrail,
  complaintCounts,
  getComplaint,
  listComplaints,
  readEvidence,
  recordEvent,
  recordOutcome,
  registerComplaint,
  transitionComplaint,
} from './service';
import { complaintStates } from './taxonomy';

export async function complaintRoutes(app: FastifyInstance, ctx: AppContext) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['complaints'];
  const security = bearerOrCookie;

  routes.post(
    '/complaints',
    {
      schema: {
        tags,
        summary: 'Register a complaint from the standard form',
        description: 'Send an `Idempotency-Key` header to make retries safe: the same key returns the complaint already created.',
        security,
        headers: z.object({ 'idempotency-key': z.string().min(8).max(100).optional() }),
        body: complaintInputSchema,
        response: { 200: createdComplaintSchema, 201: createdComplaintSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request);
      const created = await registerComplaint(ctx, actor, request.body, { idempotencyKey: request.headers['idempotency-key'] });
      const { replayed, ...body } = created;
      return reply.status(replayed ? 200 : 201).send(body);
    },
  );

  routes.get(
    '/complaints',
    {
      schema: {
        tags,
        summary: "List the organisation's complaints (no personal data), with filters, sorting and cursor paging",
        description: 'Comma-separate several values of state, channel, origin or destination. `overdue=true` lists complaints past a deadline.',
        security,
        querystring: listQuerySchema,
        response: { 200: listResultSchema, ...errorResponses },
      },
    },
    async (request) => listComplaints(ctx, requireUser(request), request.query),
  );

  const countsSchema = z.object({ byState: z.partialRecord(z.enum(complaintStates), z.number().int()), overdue: z.number().int() });
  routes.get(
    '/complaints/counts',
    {
      schema: {
        tags,
        summary: "Counts of the organisation's complaints by state and overdue, and of the user's own",
        security,
        response: { 200: z.object({ organisation: countsSchema.extend({ unassigned: z.number().int().meta({ description: 'Open complaints nobody is assigned to' }) }), mine: countsSchema }).meta({ id: 'ComplaintCounts' }), ...errorResponses },
      },
    },
    async (request) => complaintCounts(ctx, requireUser(request)),
  );

  routes.get(
    '/complaints/:id',
    { schema: { tags, summary: 'One complaint with its workers, timeline, outcomes and evidence (audited)', security, params: complaintIdParams, response: { 200: complaintDetailSchema, ...errorResponses } } },
    async (request) => getComplaint(ctx, requireUser(request), request.params.id, requestLanguage(request)),
  );

  routes.post(
    '/complaints/:id/transitions',
    {
      schema: {
        tags,
        summary: 'Move the complaint to another state',
        description: 'received → in_progress | inadmissible | withdrawn; in_progress → resolved | inadmissible | withdrawn; resolved → closed | in_progress; closed, inadmissible, withdrawn → in_progress (reopening, supervisors, with a reason). Resolving needs a recorded outcome.',
        security,
        params: complaintIdParams,
        body: transitionInputSchema,
        response: {
          200: z.object({ id: z.uuid(), state: z.enum(complaintStates), allowedTransitions: z.array(z.enum(complaintStates)) }),
          ...conflictResponses,
        },
      },
    },
    async (request) => transitionComplaint(ctx, requireUser(request), request.params.id, request.body),
  );

  routes.put(
    '/complaints/:id/assignment',
    {
      schema: {
        tags,
        summary: 'Assign the complaint to a user of the organisation, or clear the assignment with null',
        security,
        params: complaintIdParams,
        body: assignmentInputSchema,
        response: { 200: z.object({ id: z.uuid(), assignedTo: z.uuid().nullable() }), ...errorResponses },
      },
    },
    async (request) => assignComplaint(ctx, requireUser(request), request.params.id, request.body.userId),
  );

  routes.post(
    '/complaints/:id/events',
    { schema: { tags, summary: 'Add a contact, conciliation session, letter, decision or note to the timeline', security, params: complaintIdParams, body: eventInputSchema, response: { 201: complaintEventSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await recordEvent(ctx, requireUser(request), request.params.id, request.body)),
  );

  routes.post(
    '/complaints/:id/outcomes',
    { schema: { tags, summary: 'Record an outcome with the money claimed, awarded and received', security, params: complaintIdParams, body: outcomeInputSchema, response: { 201: outcomeSchema, ...conflictResponses } } },
    async (request, reply) => reply.status(201).send(await recordOutcome(ctx, requireUser(request), request.params.id, request.body)),
  );

  routes.post(
    '/complaints/:id/evidence',
    {
      schema: {
        tags,
        summary: 'Attach an evidence file (multipart/form-data: `file`, optional `description`)',
        description: 'PDF, JPEG, PNG, WebP, HEIC, MP3, M4A, OGG, plain text or DOCX, up to LINTAS_EVIDENCE_MAX_BYTES (10 MB by default).',
        consumes: ['multipart/form-data'],
        security,
        params: complaintIdParams,
        response: { 201: evidenceSchema, ...errorResponses, 413: errorResponseSchema, 415: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request);
      if (!request.isMultipart()) throw new AppError('evidence_missing');
      const file = await request.file({ limits: { fileSize: ctx.config.evidenceMaxBytes, files: 1 } });
      if (!file) throw new AppError('evidence_missing');
      const content = await file.toBuffer();
      const description = (file.fields.description as { value?: unknown } | undefined)?.value;
      const evidence = await attachEvidence(ctx, actor, request.params.id, {
        filename: file.filename,
        mediaType: file.mimetype,
        content,
        description: typeof description === 'string' ? description : undefined,
      });
      return reply.status(201).send(evidence);
    },
  );

  routes.get(
    '/complaints/:id/evidence/:evidenceId',
    {
      schema: {
        tags,
        summary: 'Download an evidence file (audited)',
        security,
        params: complaintIdParams.extend({ evidenceId: z.uuid() }),
        response: { 200: z.any().meta({ description: 'The file' }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const file = await readEvidence(ctx, requireUser(request), request.params.id, request.params.evidenceId);
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .header('x-content-type-options', 'nosniff')
        .send(file.content);
    },
  );

  routes.get(
    '/complaints/:id/audit',
    {
      schema: {
        tags,
        summary: 'Who read and changed the complaint (supervisors)',
        security,
        params: complaintIdParams,
        response: {
          200: z.object({
            items: z.array(z.object({ seq: z.number().int(), at: z.string(), actorType: z.string(), actorId: z.string().nullable(), action: z.string(), details: z.record(z.string(), z.unknown()) })),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({ items: await complaintAuditTrail(ctx, requireUser(request), request.params.id) }),
  );
}
