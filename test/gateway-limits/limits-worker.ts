/**
 * A stand-in gateway process for the global-limit test: schedules jobs on one agency through Redis-backed limits
 * and prints each job's start time (epoch ms) as one JSON line. Arguments: redis URL, limiter id, jobs, rate.
 */
import { createCallLimits } from '../../gateway/limits/index.ts';

const [url, id, jobsText, rateText] = process.argv.slice(2);
if (!url || !id || !jobsText || !rateText) throw new Error('usage: limits-worker URL ID JOBS RATE');
const limits = createCallLimits({
  perAgency: { fns: { maxPerSecond: Number(rateText) } },
  perConsumer: { maxPerSecond: 1_000 },
  redis: { url, id },
});
const starts: number[] = [];
try {
  // One unrecorded job first: it opens the Redis connection and registers the limiter, which can take long on a
  // busy machine; without it one process may still be starting while its sibling already finished its jobs.
  await limits.schedule({ agency: 'fns', consumer: 'decision' }, async () => undefined, 60_000);
  // Start together with the sibling process: the parent writes "go" once both are ready.
  process.stdout.write('ready\n');
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
  await Promise.all(
    Array.from({ length: Number(jobsText) }, () =>
      limits.schedule({ agency: 'fns', consumer: 'decision' }, async () => void starts.push(Date.now()), 60_000),
    ),
  );
} finally {
  await limits.close();
}
process.stdout.write(`${JSON.stringify(starts)}\n`);
