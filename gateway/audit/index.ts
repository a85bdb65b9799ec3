/** The gateway's append-only, hash-chained audit log: file and in-memory implementations and the verifier. */
export { FileAuditLog, AuditLogError, type AuditDurability, type FileAuditLogOptions } from './file-audit-log.ts';
export { MemoryAuditLog } from './memory-audit-log.ts';
export { verifyAuditLog, verifyAuditSource, verifyAuditRecords, type AuditVerdict, type AuditFaultKind } from './verify-audit-log.ts';
export { GENESIS_HASH, hashRecord, sealRecord, type AuditRecord } from './audit-record.ts';
export { canonicalJson, type JsonValue } from './canonical-json.ts';
