/** Helpers every agency adapter shares: exact decimals, typed payload reading, request writing, the answer pipeline. */
export * from './answer-problem.ts';
export * from './decimal.ts';
export * from './element-path.ts';
export * from './payload-reader.ts';
export * from './write-xml.ts';
export * from './request-fields.ts';
export * from './read-answer.ts';
export * from './define-adapter.ts';
