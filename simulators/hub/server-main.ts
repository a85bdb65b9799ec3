/**
 * @module server-main
 * `npm run hub`: the exchange hub with the fixture keys and the six agency contracts, on HUB_HOST:HUB_PORT
 * (default 127.0.0.1:7200), storing its queues in HUB_DATA_DIR (default .data/hub). Prints one endpoint URL per
 * line (1.2 first, then 1.3, 1.1, then the admin URL) and stops cleanly on SIGINT/SIGTERM.
 * HUB_VISIBILITY_TIMEOUT_MS overrides the visibility timeout (tests use a short one).
 */
import { z } from 'zod';
import { KitError } from '../../core/errors/index.ts';
import { defaultHubOptionsFromFixtures } from './fixture-options.ts';
import { startHub } from './server.ts';

const envSchema = z.object({
  HUB_HOST: z.string().min(1).default('127.0.0.1'),
  HUB_PORT: z.coerce.number().int().min(0).max(65_535).default(7200),
  HUB_DATA_DIR: z.string().min(1).default('.data/hub'),
  HUB_VISIBILITY_TIMEOUT_MS: z.coerce.number().int().positive().optional(),
});

async function main(): Promise<void> {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) throw new KitError('ERR_CONFIG_INVALID', `hub environment is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const env = parsed.data;
  const running = await startHub({
    ...defaultHubOptionsFromFixtures(),
    host: env.HUB_HOST,
    port: env.HUB_PORT,
    dataDir: env.HUB_DATA_DIR,
    ...(env.HUB_VISIBILITY_TIMEOUT_MS === undefined ? {} : { visibilityTimeoutMs: env.HUB_VISIBILITY_TIMEOUT_MS }),
  });
  process.stdout.write(`${running.urls['1.2']}\n${running.urls['1.3']}\n${running.urls['1.1']}\n${running.adminUrl}\n`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('[hub] stop failed', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('[hub] could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
