import type { DisabilityFactData, DisabilityGroup, PartialFacts } from '../../core/facts/index.ts';
import { AnswerProblem, elementPath, type NormalizeContext, type PayloadReader } from '../xml/index.ts';

/** Registry codes → the model's names: 4 is "disabled child", 7 "not established" (the person has no disability). */
const GROUP_BY_CODE = {
  '1': '1',
  '2': '2',
  '3': '3',
  '4': 'child',
  '7': 'none',
} as const satisfies Record<string, DisabilityGroup>;
const GROUP_CODES = Object.keys(GROUP_BY_CODE) as (keyof typeof GROUP_BY_CODE)[];

/**
 * DisabilityResponse/DisabilityExtract → one disability fact. Group 7 stays a fact (group "none", with its
 * dates and act) rather than becoming "no data": the registry did examine the person, which is itself evidence.
 * The certificate is kept only when dated, because the model's document reference requires a date.
 */
export function normalizeDisability(root: Element, read: PayloadReader, ctx: NormalizeContext): PartialFacts<'disability'> {
  const extract = read.child(root, 'DisabilityExtract');
  const since = read.date(extract, 'Since');
  const until = read.optionalDate(extract, 'Until');
  if (until !== undefined && until < since) throw new AnswerProblem(elementPath(extract), `Until ${until} is before Since ${since}`);
  const reExaminationDate = read.optionalDate(extract, 'ReexaminationDate');
  const primary = read.optionalBoolean(extract, 'Primary');
  const act = read.child(extract, 'MseAct');
  const certificate = read.optionalChild(extract, 'Certificate');
  const certificateDate = certificate === undefined ? undefined : read.optionalDate(certificate, 'Date');

  const data: DisabilityFactData = {
    group: GROUP_BY_CODE[read.oneOf(extract, 'Group', GROUP_CODES)],
    since,
    ...(until === undefined ? {} : { until }),
    ...(reExaminationDate === undefined ? {} : { reExaminationDate }),
    causeCode: read.text(extract, 'CauseCode'),
    causeText: read.text(extract, 'CauseName'),
    ...(primary === undefined ? {} : { primary }),
    mseAct: { number: read.text(act, 'Number'), date: read.date(act, 'Date') },
    ...(certificate === undefined || certificateDate === undefined
      ? {}
      : {
          mseCertificate: {
            series: read.text(certificate, 'Series'),
            number: read.text(certificate, 'Number'),
            date: certificateDate,
          },
        }),
  };
  // Read for validation (checksum) although the fact does not repeat it: a wrong SNILS is a wrong answer.
  read.snils(extract, 'Snils');
  return { disability: [{ data, provenance: ctx.provenance }] };
}
