/** The statuses a portal's personal cabinet shows, in the order they happen; the two decision statuses share a rank. */
export const APPLICATION_STATUSES = ['received', 'requests-sent', 'facts-received', 'decided', 'manual-review', 'notified'] as const;

export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

const RANK: Readonly<Record<ApplicationStatus, number>> = {
  received: 0,
  'requests-sent': 1,
  'facts-received': 2,
  decided: 3,
  'manual-review': 3,
  notified: 4,
};

/** A late or repeated step (a retry after a restart) never moves the shown status backwards. */
export function rankOf(status: ApplicationStatus): number {
  return RANK[status];
}

/** Whether a status is the decision itself (decided or manual review): the one whose notice carries it. */
export function isDecisionStatus(status: string): boolean {
  return status === 'decided' || status === 'manual-review';
}

/** `rankOf` as an SQL expression over a status column, so the store compares ranks inside one UPDATE. */
export function rankSql(column: string): string {
  return `CASE ${column} ${APPLICATION_STATUSES.map((s) => `WHEN '${s}' THEN ${RANK[s]}`).join(' ')} END`;
}
