/**
 * @module email-file
 * An e-mail-ready message (RFC 5322, UTF-8, 8bit) per notification, written atomically under
 * `<dataDir>/outbox/` (notice-file-writer.ts). The file name is derived from the outbox row, so writing it again
 * after a crash replaces the same file instead of adding a second one. A mail relay can pick the files up as they
 * are.
 */
import type { Contact } from '../api/intake.ts';
import type { NoticeText } from './notice-text.ts';

export const SENDER = 'agency-kit decision service <no-reply@decision.agency-kit.invalid>';

export interface EmailFileInput {
  readonly outboxId: string;
  readonly sequence: number;
  readonly applicationId: string;
  readonly status: string;
  readonly createdAt: string;
  readonly contact: Contact | undefined;
  readonly text: NoticeText;
}

export function emailFileName(input: Pick<EmailFileInput, 'sequence' | 'status' | 'outboxId'>): string {
  return `${String(input.sequence).padStart(8, '0')}-${input.status}-${input.outboxId}.eml`;
}

export function renderEmail(input: EmailFileInput): string {
  const to = input.contact?.email;
  const english = input.contact?.language === 'en';
  const subject = english ? `${input.text.subjectEn} / ${input.text.subjectRu}` : `${input.text.subjectRu} / ${input.text.subjectEn}`;
  const [first, second] = english ? [input.text.bodyEn, input.text.bodyRu] : [input.text.bodyRu, input.text.bodyEn];
  const headers = [
    `From: ${SENDER}`,
    // No contact given: the message is still written (the portal shows it); a relay skips it.
    to === undefined ? 'To: undisclosed-recipients:;' : `To: <${to}>`,
    `Subject: =?UTF-8?B?${Buffer.from(subject, 'utf8').toString('base64')}?=`,
    `Date: ${new Date(input.createdAt).toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${input.outboxId}@decision.agency-kit.invalid>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: 8bit',
    'Content-Language: ru, en',
    `X-Application-Id: ${input.applicationId}`,
    `X-Application-Status: ${input.status}`,
    `X-Delivery-Id: ${input.outboxId}`,
  ];
  return `${headers.join('\r\n')}\r\n\r\n${`${first}\n\n---\n\n${second}\n`.replace(/\r?\n/g, '\r\n')}`;
}
