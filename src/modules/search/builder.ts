// Where a rebuild of the search index builds its entries: in a child process when the machine has a core to
// spare (building costs about as much as writing, so the two overlap), otherwise in this process.
import { type ChildProcess, fork } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSearchDocument, type SearchableComplaint, type SearchDocument } from './document';

export interface DocumentBuilder {
  build(complaints: SearchableComplaint[]): Promise<SearchDocument[]>;
  stop(): void;
}

const inProcess: DocumentBuilder = {
  build: async (complaints) => complaints.map(buildSearchDocument),
  stop: () => {},
};

/** A builder in a child process (run through tsx, like Lintas itself), or in this process on a single core. */
export function startDocumentBuilder(): DocumentBuilder {
  if (os.availableParallelism() < 2) return inProcess;
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const child: ChildProcess = fork(fileURLToPath(new URL('./builder-process.ts', import.meta.url)), [], {
    execArgv: ['--import', tsx],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, { resolve: (documents: SearchDocument[]) => void; reject: (error: Error) => void }>();
  let next = 0;
  let stopped = false;
  child.on('message', (message: { id: number; documents: SearchDocument[] }) => {
    waiting.get(message.id)?.resolve(message.documents);
    waiting.delete(message.id);
  });
  const failAll = (error: Error) => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  child.on('error', failAll);
  child.on('exit', (code) => {
    if (!stopped) failAll(new Error(`the search index builder process stopped (exit code ${code})`));
  });
  return {
    build: (complaints) =>
      new Promise((resolve, reject) => {
        const id = (next += 1);
        waiting.set(id, { resolve, reject });
        child.send({ id, complaints });
      }),
    stop: () => {
      stopped = true;
      if (child.connected) child.disconnect();
    },
  };
}
