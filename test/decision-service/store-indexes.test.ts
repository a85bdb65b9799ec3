import { describe, expect, it } from 'vitest';
import { DecisionStore } from '../../decision/store/decision-store.ts';
import { IN_MEMORY } from '../../decision/store/open-database.ts';

describe('the decision store indexes', () => {
  it("reads one application's notifications through an index, not by scanning the whole outbox", () => {
    const store = DecisionStore.open(IN_MEMORY, { webhookEnabled: true });
    try {
      const plan = store.db
        .prepare('EXPLAIN QUERY PLAN SELECT id, status FROM outbox WHERE application_id = ? ORDER BY seq')
        .all('any') as { detail: string }[];
      const details = plan.map((row) => row.detail).join('; ');
      expect(details).toMatch(/USING INDEX outbox_application/);
      expect(details).not.toMatch(/^SCAN outbox/);
    } finally {
      store.close();
    }
  });
});
