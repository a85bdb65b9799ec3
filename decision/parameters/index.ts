/** Date-versioned parameters of the decision rules: file format, loading, and the set in force on a date. */
export * from './parameter-file-schema.ts';
export * from './load-parameter-file.ts';
export * from './parameters-on.ts';
