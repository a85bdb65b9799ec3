/**
 * Child process of the decisions bench: `startStack` (free ports, a temporary data dir, no hub) with the options
 * given as JSON in argv[2], then one JSON line on stdout with the URLs. Stops when stdin closes (the bench ended or
 * died) or on SIGTERM, so the stack never outlives the bench. Its own process keeps the load generator off the
 * stack's event loop, as the other benches do.
 */
import { startStack, type StackOptionsInput } from '../stack/start-stack.ts';

const options = JSON.parse(process.argv[2] ?? '{}') as StackOptionsInput;
const stack = await startStack({ ...options, ports: 'auto', dataDir: { temp: true }, hub: false, watchPersonas: false, logLevel: 'silent' });
process.stdout.write(`${JSON.stringify({ decision: stack.urls.decision, gateway: stack.urls.gateway })}\n`);
let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  stack.close().then(() => process.exit(0), () => process.exit(1));
};
process.stdin.on('end', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
