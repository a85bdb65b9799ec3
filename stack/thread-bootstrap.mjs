// A worker thread starts here: TypeScript is loaded through tsx's loader, registered in this thread (a worker
// does not inherit the loader of a process started by vitest, and --import in a worker's execArgv is not enough
// on Node 20), then the TypeScript entry named in workerData runs.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
