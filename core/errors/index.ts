export { ERROR_CATALOGUE, ERROR_CODES, type ErrorCode, type ErrorSpec } from './catalogue.ts';
export { KitError, isKitError, kitError, type ErrorDetails } from './kit-error.ts';
export { toProblem, PROBLEM_TYPE_BASE, type ProblemDocument } from './problem.ts';
export { PROBLEM_JSON_SCHEMA, problemResponse } from './problem-openapi.ts';
