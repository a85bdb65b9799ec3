/**
 * The decision store's write path per application, in this process, on a file store in a temp dir (WAL,
 * synchronous NORMAL as the service runs it): submit, claim (with requests-sent), decide (facts-received and the
 * decision; the rules run on no facts, so manual review), and every 8 applications the notices recorded as
 * written, as the notifier does a batch at a time. Rows: the ids the store makes (time-ordered UUIDv7) against
 * random UUIDv4 ids, which put every index insert on a random page. Each row starts from an empty store and runs
 * for the window; ms/application and the process's user and system CPU per application.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseIntake } from '../decision/api/intake.ts';
import { DecisionStore, type WrittenNotice } from '../decision/store/decision-store.ts';
import { makeDecision } from '../decision/worker/make-decision.ts';
import { demoApplication } from '../stack/demo-applications.ts';

const NOTICE_BATCH_EVERY = 8;

interface Row {
  readonly ids: string;
  readonly applications: number;
  readonly msPerApplication: number;
  readonly userMs: number;
  readonly systemMs: number;
  readonly phases: string;
}

function runRow(ids: string, newId: (() => string) | undefined, runMs: number): Row {
  const dir = mkdtempSync(join(tmpdir(), 'bench-store-'));
  const store = DecisionStore.open(dir, { webhookEnabled: false, ...(newId === undefined ? {} : { newId }) });
  try {
    const parsed = parseIntake(demoApplication('children-3-7-sergeeva-golden-75', 'children-3-to-7', '2026-11-16'), '2026-11-16');
    if (!parsed.ok) throw new Error('the demo application does not pass intake');
    const { intake } = parsed;
    const phases = { submit: 0, claim: 0, decide: 0, notices: 0 };
    const cpu0 = process.cpuUsage();
    const started = performance.now();
    let n = 0;
    while (performance.now() - started < runMs) {
      let t = performance.now();
      store.submit(intake, new Date());
      phases.submit += performance.now() - t;
      t = performance.now();
      const claimed = store.claim('bench', 1, Date.now(), 30_000);
      phases.claim += performance.now() - t;
      t = performance.now();
      for (const app of claimed) store.decide(app.id, 'bench', { factsReceivedAt: new Date(), decidedAt: new Date() }, (previous) => makeDecision(app.id, app.application, {}, '86', previous));
      phases.decide += performance.now() - t;
      n++;
      if (n % NOTICE_BATCH_EVERY === 0) {
        t = performance.now();
        const written: WrittenNotice[] = store.outbox.pendingNotices(64).map((p) => ({ outboxId: p.id, applicationId: p.applicationId, measure: p.measure, status: p.status, fileName: `${p.id}.eml` }));
        store.recordNoticesWritten(written, new Date());
        phases.notices += performance.now() - t;
      }
    }
    const elapsed = performance.now() - started;
    const cpu = process.cpuUsage(cpu0);
    return {
      ids,
      applications: n,
      msPerApplication: elapsed / n,
      userMs: cpu.user / 1000 / n,
      systemMs: cpu.system / 1000 / n,
      phases: Object.entries(phases).map(([k, v]) => `${k} ${(v / n).toFixed(3)}`).join(', '),
    };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function runStoreBench(options: { runMs: number }): string {
  const rows = [runRow('time-ordered UUIDv7 (the store\'s)', undefined, options.runMs), runRow('random UUIDv4', () => randomUUID(), options.runMs)];
  const header = '| ids | applications | ms/application | user CPU ms | system CPU ms | per step, ms |\n|---|---|---|---|---|---|';
  const lines = rows.map((r) => `| ${r.ids} | ${r.applications} | ${r.msPerApplication.toFixed(3)} | ${r.userMs.toFixed(3)} | ${r.systemMs.toFixed(3)} | ${r.phases} |`);
  return [`store write path per application (submit, claim, decide, notices every ${NOTICE_BATCH_EVERY}), file store in a temp dir, WAL, synchronous NORMAL; ${options.runMs} ms per row from an empty store`, '', header, ...lines].join('\n');
}
