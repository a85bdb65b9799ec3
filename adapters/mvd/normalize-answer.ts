import { REGISTRATION_KINDS, type PartialFacts, type ResidenceFactData } from '../../core/facts/index.ts';
import { AnswerProblem, elementPath, type NormalizeContext, type PayloadReader } from '../xml/index.ts';

/** RegistrationResponse/Registrations → residence facts, one per registration (permanent and temporary alike). */
export function normalizeRegistration(root: Element, read: PayloadReader, ctx: NormalizeContext): PartialFacts<'residence'> {
  const residence = read.children(read.child(root, 'Registrations'), 'Registration', 1).map((registration) => {
    const since = read.date(registration, 'From');
    const until = read.optionalDate(registration, 'To');
    if (until !== undefined && until < since) throw new AnswerProblem(elementPath(registration), `To ${until} is before From ${since}`);
    const fiasGuid = read.optionalGuid(registration, 'FiasGuid');
    const data: ResidenceFactData = {
      kind: read.oneOf(registration, 'Kind', REGISTRATION_KINDS),
      address: {
        fullText: read.text(registration, 'FullAddress'),
        regionCode: read.text(registration, 'RegionCode'),
        ...(fiasGuid === undefined ? {} : { fiasGuid }),
      },
      since,
      ...(until === undefined ? {} : { until }),
    };
    return { data, provenance: ctx.provenance };
  });
  return { residence };
}
