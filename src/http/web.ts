import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../lib/errors';

export const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** Paths of the public pages for workers (served by web/index.html) and of the desk workspace (web/desk.html). */
export const publicPagePaths = ['/', '/complaint', '/track', '/rights', '/agencies', '/help', '/statistics'];

/**
 * Serves the built web app: hashed assets cached for a year, the two HTML entry points never cached, and the
 * client-side routes of each entry point answered with its HTML.
 */
export async function installWeb(app: FastifyInstance): Promise<void> {
  const built = fs.existsSync(path.join(webDist, 'index.html'));
  if (built) {
    // Assets are looked up when asked for (wildcard), so a rebuild while Lintas runs serves the new files.
    await app.register(fastifyStatic, {
      root: path.join(webDist, 'assets'),
      prefix: '/assets/',
      index: false,
      wildcard: true,
      setHeaders: (reply) => reply.setHeader('cache-control', 'public, max-age=31536000, immutable'),
    });
  }
  const page = (file: string) => async (_request: unknown, reply: { header: (k: string, v: string) => unknown; sendFile: (f: string, root: string) => unknown }) => {
    if (!built) throw new AppError('web_not_built');
    reply.header('cache-control', 'no-cache');
    return reply.sendFile(file, webDist);
  };
  for (const url of publicPagePaths) app.get(url, { schema: { hide: true } }, page('index.html') as never);
  app.get('/favicon.svg', { schema: { hide: true } }, page('favicon.svg') as never);
  app.get('/desk', { schema: { hide: true } }, page('desk.html') as never);
  app.get('/desk/*', { schema: { hide: true } }, page('desk.html') as never);
}
