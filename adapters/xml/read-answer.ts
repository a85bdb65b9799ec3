import { outcomeForRejection, type AdapterOutcome, type AgencyAnswer, type BusinessAnswer, type ProvenanceContext } from '../../core/adapter/index.ts';
import { loadXsdValidator, type AgencyContract, type ContractOperation } from '../../core/contracts/index.ts';
import { isKitError, KitError } from '../../core/errors/index.ts';
import { parsePartialFacts, provenanceSchema, type FactGroup, type PartialFacts, type Provenance } from '../../core/facts/index.ts';
import { parseXml } from '../../core/xml/index.ts';
import { AnswerProblem, badResponseError } from './answer-problem.ts';
import { schemaCheckedRoot } from './checked-answer.ts';
import { elementPath } from './element-path.ts';
import { PayloadReader } from './payload-reader.ts';

/** What a normalizer gets besides the payload: the stamp for its facts and what the request asked about. */
export interface NormalizeContext {
  readonly provenance: Provenance;
  readonly context: ProvenanceContext;
  /** The calendar day the answer arrived (UTC), for "still valid" ends the agency leaves open. */
  readonly receivedOn: string;
}

/** Payload (data branch, no-data already handled) → facts. Throws AnswerProblem for what does not make sense. */
export type Normalizer<G extends FactGroup> = (root: Element, read: PayloadReader, context: NormalizeContext) => PartialFacts<G>;

export interface AnswerSpec<G extends FactGroup> {
  readonly contract: AgencyContract;
  readonly operation: ContractOperation;
  readonly factGroups: readonly G[];
  readonly normalize: Normalizer<G>;
}

// How many schema complaints go into the message; all of them stay in the error details.
const ISSUES_IN_MESSAGE = 3;

/**
 * The one path every adapter's answer takes, so all six treat external input alike: a rejection through the
 * shared mapping, a status as not ready, and a business payload checked in order — well-formed, the expected
 * root, the contract's XSD, the agency's own "no data"/processing-code element, then the normalizer, then the
 * facts model. Every failure is an outcome; nothing here throws.
 */
export function readAgencyAnswer<G extends FactGroup>(
  spec: AnswerSpec<G>,
  answer: AgencyAnswer,
  context: ProvenanceContext,
): AdapterOutcome<G> {
  const agency = spec.contract.agency;
  switch (answer.kind) {
    case 'rejected':
      return outcomeForRejection<G>(answer, agency);
    case 'status':
      // SMEV RequestStatus from the provider: it has the request and has not answered yet.
      return { kind: 'not-ready' };
    case 'business':
      break;
  }
  try {
    return readBusiness(spec, answer, context);
  } catch (cause) {
    if (cause instanceof AnswerProblem) return { kind: 'error', error: badResponseError(agency, cause.message, { path: cause.path }) };
    if (isKitError(cause)) {
      const problem = cause.code.startsWith('ERR_XML_') ? `the payload is not usable XML: ${cause.message}` : cause.message;
      return { kind: 'error', error: badResponseError(agency, problem, { cause: cause.code }, cause) };
    }
    // A programming error in the adapter: reported, typed, but not dressed up as the agency's fault.
    const message = `The ${agency} adapter failed on an answer: ${cause instanceof Error ? cause.message : String(cause)}`;
    return { kind: 'error', error: new KitError('ERR_INTERNAL', message, { agency }, { cause }) };
  }
}

function readBusiness<G extends FactGroup>(spec: AnswerSpec<G>, answer: BusinessAnswer, context: ProvenanceContext): AdapterOutcome<G> {
  const { contract, operation } = spec;
  const { xml } = answer;
  const provenance = checkedProvenance(contract.agency, context);
  if (provenance.kind === 'error') return provenance;

  // The direct transport has already parsed this payload and validated exactly this text against this XSD
  // (checked-answer.ts): then its element is reused and the schema check is not repeated. Otherwise both happen here.
  const checkedRoot = schemaCheckedRoot(answer, contract.files.xsdPath);
  const root = checkedRoot ?? parseXml(xml).documentElement;
  if (root.namespaceURI !== contract.namespace || root.localName !== operation.responseRoot) {
    throw new AnswerProblem(
      '',
      `expected the root {${contract.namespace}}${operation.responseRoot}, got {${root.namespaceURI ?? ''}}${root.localName}`,
    );
  }

  const verdict = checkedRoot ? ({ valid: true } as const) : loadXsdValidator(contract.files.xsdPath).validate(xml);
  if (!verdict.valid) {
    const listed = verdict.errors.slice(0, ISSUES_IN_MESSAGE).map((issue) => issue.message).join('; ');
    const more = verdict.errors.length > ISSUES_IN_MESSAGE ? ` (and ${verdict.errors.length - ISSUES_IN_MESSAGE} more)` : '';
    return {
      kind: 'error',
      error: badResponseError(contract.agency, `it does not satisfy the ${contract.agency} ${contract.version} schema: ${listed}${more}`, {
        issues: verdict.errors,
      }),
    };
  }

  const read = new PayloadReader(contract.namespace);
  const noData = read.optionalChild(root, operation.noDataElement);
  if (noData) return noDataOutcome(spec, root, noData, read);

  const facts = spec.normalize(root, read, {
    provenance: provenance.value,
    context,
    receivedOn: context.receivedAt.slice(0, 10),
  });
  return { kind: 'facts', facts: validated(spec, facts) };
}

/** The agency's own "nothing here" element, or (FNS style) its processing code, as the outcome it means. */
function noDataOutcome<G extends FactGroup>(
  spec: AnswerSpec<G>,
  root: Element,
  element: Element,
  read: PayloadReader,
): AdapterOutcome<G> {
  const { contract } = spec;
  if (contract.processingCodes.length === 0) {
    const message = read.optionalText(element, 'Message');
    return { kind: 'no-data', reason: message ?? `${contract.agency} holds no data on the subject (${element.localName})` };
  }
  const code = read.valueOf(element);
  const known = contract.processingCodes.find((candidate) => candidate.code === code);
  if (!known) throw new AnswerProblem(elementPath(element), `unknown processing code "${code}"`);
  const message = read.optionalText(root, 'ProcessingMessage') ?? known.description;
  switch (known.meaning) {
    case 'not-found':
      return { kind: 'no-data', reason: message };
    case 'not-ready':
      return { kind: 'not-ready' };
    case 'system-error':
      return {
        kind: 'error',
        error: new KitError('ERR_AGENCY_FAILURE', `Agency ${contract.agency} reported a system error (processing code ${code}): ${message}`, {
          agency: contract.agency,
          processingCode: code,
        }),
      };
  }
}

function checkedProvenance(agency: AgencyContract['agency'], context: ProvenanceContext) {
  const parsed = provenanceSchema.safeParse({ agency, ...context });
  if (parsed.success) return { kind: 'ok' as const, value: parsed.data };
  // The caller's context, not the agency's answer, is wrong: say so rather than blame the agency.
  const error = new KitError('ERR_INTERNAL', `The provenance context for a ${agency} answer is invalid: ${parsed.error.issues[0]?.message ?? ''}`, {
    agency,
    issues: parsed.error.issues,
  });
  return { kind: 'error' as const, error };
}

/**
 * The facts model is the last gate: a mapping bug or a value the contract allows but the model refuses (a SNILS
 * check digit, an INN checksum, dates out of order) becomes a bad-response outcome naming the field.
 */
function validated<G extends FactGroup>(spec: AnswerSpec<G>, facts: PartialFacts<G>): PartialFacts<G> {
  let parsed: PartialFacts;
  try {
    parsed = parsePartialFacts(facts);
  } catch (cause) {
    if (!isKitError(cause, 'ERR_FACTS_INVALID')) throw cause;
    throw new AnswerProblem('', `it does not make valid facts: ${cause.message}`);
  }
  for (const group of Object.keys(parsed)) {
    if (!(spec.factGroups as readonly string[]).includes(group)) {
      throw new Error(`normalizer produced the undeclared fact group "${group}"`);
    }
  }
  // Checked just above: only the adapter's own groups are present.
  return parsed as PartialFacts<G>;
}
