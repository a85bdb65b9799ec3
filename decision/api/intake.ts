/**
 * @module intake
 * The body of POST /v1/applications: the rules' application (decision/rules/application.ts: measure, applicant,
 * children, family members, deceased parent …) plus what only the service needs — how to reach the applicant
 * (`contact`) and the dwelling the housing system is searched by (`address`, utility compensation). The
 * application date defaults to the day of receipt. Every problem is reported at once, from both parts.
 */
import { z } from 'zod';
import { formatPath } from '../../core/facts/index.ts';
import { applicationSchema, type Application } from '../rules/index.ts';

export const contactSchema = z
  .strictObject({
    email: z.email({ message: 'Expected an e-mail address' }).max(320).optional(),
    phone: z.string().trim().regex(/^\+?[0-9 ()-]{5,20}$/, { message: 'Expected a phone number' }).optional(),
    /** Language of the notice first shown; both Russian and English are always written. */
    language: z.enum(['ru', 'en']).default('ru'),
  })
  .meta({ description: 'How to reach the applicant with notices (optional)' });

export const dwellingSchema = z
  .strictObject({
    fiasHouseGuid: z.uuid({ message: 'Expected a FIAS house GUID' }).optional(),
    address: z.string().trim().min(1).max(500).optional(),
  })
  .refine((d) => d.fiasHouseGuid !== undefined || d.address !== undefined, { message: 'Give fiasHouseGuid or address' })
  .meta({ description: 'The dwelling whose utility accounts are compensated; default: the applicant\'s current registration' });

const serviceFieldsSchema = z.object({ contact: contactSchema.optional(), address: dwellingSchema.optional() });

export type Contact = z.output<typeof contactSchema>;
export type Dwelling = z.output<typeof dwellingSchema>;

export interface Intake {
  readonly application: Application;
  readonly contact?: Contact;
  readonly address?: Dwelling;
}

export interface IntakeIssue {
  readonly path: string;
  readonly message: string;
  readonly code: string;
}

export type IntakeResult = { readonly ok: true; readonly intake: Intake } | { readonly ok: false; readonly issues: readonly IntakeIssue[] };

/** `today` is the receipt date (YYYY-MM-DD), used when the body gives no application date. */
export function parseIntake(body: unknown, today: string): IntakeResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, issues: [{ path: '(root)', message: 'Expected a JSON object', code: 'invalid_type' }] };
  }
  const { contact, address, applicationId, ...rest } = body as Record<string, unknown>;
  const issues: IntakeIssue[] = [];
  if (applicationId !== undefined) issues.push({ path: 'applicationId', message: 'The application id is assigned by the service', code: 'unrecognized_keys' });
  const service = serviceFieldsSchema.safeParse({ contact, address });
  if (!service.success) issues.push(...service.error.issues.map(toIssue));
  const application = applicationSchema.safeParse({ applicationDate: today, ...rest });
  if (!application.success) issues.push(...application.error.issues.map(toIssue));
  if (issues.length > 0 || !service.success || !application.success) return { ok: false, issues };
  if (service.data.address !== undefined && application.data.measure !== 'utility-compensation') {
    return { ok: false, issues: [{ path: 'address', message: 'Only a utility-compensation application names a dwelling', code: 'custom' }] };
  }
  return {
    ok: true,
    intake: {
      application: application.data,
      ...(service.data.contact === undefined ? {} : { contact: service.data.contact }),
      ...(service.data.address === undefined ? {} : { address: service.data.address }),
    },
  };
}

function toIssue(issue: z.core.$ZodIssue): IntakeIssue {
  return { path: formatPath(issue.path), message: issue.message, code: issue.code };
}

/** The documented request body, for the OpenAPI document (the rules' union with the service fields beside it). */
export const intakeDocumentationSchema = z.intersection(applicationSchema, serviceFieldsSchema);
