/** The identifier group: SNILS and INN with their standalone validators. */
export * from './snils.ts';
export * from './inn.ts';
