/**
 * @module notice-file-writer
 * Writes a batch of notice files on a worker thread, with plain synchronous calls there: each file atomically
 * (temporary file, then rename within the dir, so a reader sees the old file or the whole new one), the dir made
 * once and again only if it disappeared.
 *
 * Why a thread of its own: written on the event loop (sync) the files took 5.8% of the stack's event loop in the
 * decisions bench; written with fs/promises, each file was four thread-pool round trips (open, write, close,
 * rename), and dispatching to and waking a pool thread for each cost more than the write itself (1.3 ms of the
 * decision process's main thread per decision; synchronous calls used about 1 ms per decision less CPU in all).
 * One round trip per batch keeps the loop free and costs about what the synchronous calls cost (same bench, A/B).
 */
import { Worker } from 'node:worker_threads';

export interface NoticeFile {
  readonly name: string;
  readonly content: string;
}

/** Per file, in the order given: undefined when written, else why not. */
export type NoticeFileResults = readonly (Error | undefined)[];

interface BatchAnswer {
  readonly id: number;
  readonly errors: readonly ({ message: string; code?: string } | null)[];
}

// CommonJS, evaluated by the worker as is (no TypeScript loader there).
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { mkdirSync, renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const createdDirs = new Set();
function createDir(dir) {
  mkdirSync(dir, { recursive: true });
  createdDirs.add(dir);
}
function writeOne(dir, file) {
  const temporary = join(dir, '.' + file.name + '.tmp');
  if (!createdDirs.has(dir)) createDir(dir);
  try {
    writeFileSync(temporary, file.content, 'utf8');
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
    createDir(dir);
    writeFileSync(temporary, file.content, 'utf8');
  }
  renameSync(temporary, join(dir, file.name));
}
parentPort.on('message', ({ id, dir, files }) => {
  const errors = files.map((file) => {
    try {
      writeOne(dir, file);
      return null;
    } catch (error) {
      return { message: String(error && error.message), code: error && error.code };
    }
  });
  parentPort.postMessage({ id, errors });
});
`;

type Waiting = Map<number, { resolve: (results: NoticeFileResults) => void; reject: (error: Error) => void }>;

export class NoticeFileWriter {
  #thread: { readonly worker: Worker; readonly waiting: Waiting } | undefined;
  #nextId = 0;

  constructor(private readonly dir: string) {}

  /** Resolves once every file of the batch was written or failed; rejects only when the thread itself failed. */
  write(files: readonly NoticeFile[]): Promise<NoticeFileResults> {
    if (files.length === 0) return Promise.resolve([]);
    const thread = this.#thread ?? this.#start();
    const id = this.#nextId++;
    return new Promise<NoticeFileResults>((resolve, reject) => {
      thread.waiting.set(id, { resolve, reject });
      thread.worker.postMessage({ id, dir: this.dir, files });
    });
  }

  async close(): Promise<void> {
    const thread = this.#thread;
    this.#thread = undefined;
    if (thread !== undefined) await thread.worker.terminate();
  }

  #start(): { readonly worker: Worker; readonly waiting: Waiting } {
    // No execArgv: the parent's (a TypeScript loader, a profiler) would only slow the thread's start.
    const worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [] });
    const thread = { worker, waiting: new Map() as Waiting };
    worker.unref();
    worker.on('message', (answer: BatchAnswer) => {
      const waiting = thread.waiting.get(answer.id);
      thread.waiting.delete(answer.id);
      waiting?.resolve(answer.errors.map((e) => (e === null ? undefined : Object.assign(new Error(e.message), e.code === undefined ? {} : { code: e.code }))));
    });
    // A dead thread fails its batches (their rows stay pending and are retried); the next batch starts a new one.
    const fail = (error: Error): void => {
      if (this.#thread === thread) this.#thread = undefined;
      for (const waiting of thread.waiting.values()) waiting.reject(error);
      thread.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`The notice file thread exited with code ${code}`)));
    this.#thread = thread;
    return thread;
  }
}
