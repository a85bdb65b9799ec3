import { z } from 'zod';
import { agencyOutcomeSchema } from './agency-outcome.ts';
import { factsByGroupSchema } from './fact-groups.ts';
import { subjectIdentifiersSchema } from './identity.ts';
import { factsSchemaRegistry } from './schema-registry.ts';

/**
 * Everything the gateway learned about one applicant: who, every fact by group, and how each agency answered.
 * This is the contract between the gateway and the decision service.
 */
export const APPLICANT_FACTS_VERSION = '1.0';

export const applicantFactsSchema = z
  .strictObject({
    schemaVersion: z.literal(APPLICANT_FACTS_VERSION),
    subject: subjectIdentifiersSchema,
    facts: factsByGroupSchema,
    outcomes: z.array(agencyOutcomeSchema),
  })
  .superRefine((doc, ctx) => {
    // One outcome per agency: two would leave the decision service guessing which one is current.
    const seen = new Set<string>();
    doc.outcomes.forEach((outcome, index) => {
      if (seen.has(outcome.agency)) {
        ctx.addIssue({
          code: 'custom',
          message: `Agency "${outcome.agency}" has more than one outcome`,
          path: ['outcomes', index, 'agency'],
        });
      }
      seen.add(outcome.agency);
    });
  })
  .register(factsSchemaRegistry, {
    id: 'ApplicantFacts',
    description: 'The facts about one applicant gathered from agencies, with provenance and per-agency outcomes',
  });

/** Parsed document (SNILS in canonical 11-digit form). */
export type ApplicantFacts = z.output<typeof applicantFactsSchema>;
/** What may be handed to the parser (SNILS in either spelling). */
export type ApplicantFactsInput = z.input<typeof applicantFactsSchema>;
