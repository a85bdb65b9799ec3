/**
 * @module message-id-checks
 * The synchronous MessageID checks of both send operations (reference §1.4.1): a version-1 UUID (the envelope
 * parser already refuses other shapes), not older than the stale window (nor as far in the future: a wrong sender
 * clock), never used before by anyone; and an EOL that has not passed.
 */
import { messageIdProblem, messageIdTimestamp } from '../../core/smev/envelope/index.ts';
import { HubFault } from './hub-fault.ts';
import type { HubContext } from './hub-context.ts';

export function checkNewMessageId(context: HubContext, messageId: string, now: Date): void {
  const problem = messageIdProblem(messageId);
  if (problem !== undefined) throw new HubFault('InvalidMessageIdFormat', `Некорректный формат MessageID: ${problem}`, { stage: 'DAS:2' });
  const age = now.getTime() - messageIdTimestamp(messageId).getTime();
  const window = context.options.staleMessageIdAfterMs;
  if (age >= window || age <= -window) {
    throw new HubFault('StaleMessageId', `MessageID ${messageId} устарел или часы отправителя неверны (метка времени ${messageIdTimestamp(messageId).toISOString()})`, { stage: 'DAS:3' });
  }
  if (context.store.hasMessageId(messageId)) {
    throw new HubFault('MessageIsAlreadySent', `Сообщение с MessageID ${messageId} уже было отправлено`, { stage: 'DAS:4' });
  }
}

export function checkEndOfLife(eol: string | undefined, now: Date): void {
  if (eol === undefined) return;
  const at = Date.parse(eol);
  if (!Number.isNaN(at) && at <= now.getTime()) {
    throw new HubFault('EndOfLifeReached', `Срок жизни сообщения (EOL ${eol}) истёк`, { stage: 'DAS:5' });
  }
}
