/**
 * @module attachments
 * Attachments of a send (reference §1.9). Inline ones (AttachmentContentList, base64 in the envelope or an MTOM
 * part behind xop:Include) are kept and delivered with the message, up to a total size limit. File-store ones
 * (RefAttachmentHeaderList) pass through inside the signed data and the recipient gets FSAttachmentsList
 * credentials for them — the hub hosts no files (see README): the credentials point nowhere.
 */
import type { AttachmentContent, AttachmentHeader, FsAttachment, MimePart, RefAttachmentHeader } from '../../core/smev/envelope/index.ts';
import { smevNamespaces, type SmevVersion } from '../../core/smev/envelope/index.ts';
import { childElements, textOf } from '../../core/xml/index.ts';
import { HubFault } from './hub-fault.ts';

const XOP_NS = 'http://www.w3.org/2004/08/xop/include';

/** AttachmentContent elements of the operation, with xop:Include resolved against the MTOM parts. */
export function inlineAttachments(operation: Element, version: SmevVersion, parts: ReadonlyMap<string, MimePart>): AttachmentContent[] {
  const basic = smevNamespaces(version).basic;
  const list = childElements(operation).find((el) => el.namespaceURI === basic && el.localName === 'AttachmentContentList');
  if (!list) return [];
  return childElements(list)
    .filter((el) => el.localName === 'AttachmentContent')
    .map((el) => {
      const kids = childElements(el);
      const id = textOf(kids.find((k) => k.localName === 'Id') ?? el).trim();
      const contentElement = kids.find((k) => k.localName === 'Content');
      const include = contentElement && childElements(contentElement).find((k) => k.namespaceURI === XOP_NS && k.localName === 'Include');
      if (include) {
        const href = (include.getAttribute('href') ?? '').replace(/^cid:/, '');
        const part = parts.get(decodeURIComponent(href)) ?? parts.get(href);
        if (!part) throw new HubFault('AttachmentContentMiscoordination', `MTOM part <${href}> of attachment ${id} is missing`, { stage: 'ATT:1' });
        return { id, content: part.data.toString('base64') };
      }
      return { id, content: contentElement ? textOf(contentElement).replace(/\s+/g, '') : '' };
    });
}

export function checkInlineAttachments(contents: readonly AttachmentContent[], headers: readonly AttachmentHeader[] | undefined, limitBytes: number): void {
  const total = contents.reduce((sum, c) => sum + Buffer.from(c.content, 'base64').length, 0);
  if (total > limitBytes) {
    throw new HubFault('AttachmentSizeLimitExceeded', `Суммарный размер вложений ${total} байт превышает допустимые ${limitBytes}`, {
      details: { permittedTotalAttachmentSize: limitBytes, realTotalAttachmentSize: total },
      stage: 'ATT:2',
    });
  }
  const headerIds = new Set((headers ?? []).map((h) => h.contentId));
  const contentIds = new Set(contents.map((c) => c.id));
  const unmatched = [...headerIds].filter((id) => !contentIds.has(id)).concat([...contentIds].filter((id) => !headerIds.has(id)));
  if (unmatched.length > 0) {
    throw new HubFault('AttachmentContentMiscoordination', `Заголовки вложений не соответствуют содержимому: ${unmatched.join(', ')}`, { stage: 'ATT:3' });
  }
}

/** What the recipient would use to download by-reference files from the (not simulated) file store. */
export function fsAttachmentsFor(headers: readonly RefAttachmentHeader[] | undefined): FsAttachment[] {
  return (headers ?? []).map((h) => ({ uuid: h.uuid, userName: 'anonymous', password: 'smev', fileName: h.fileName ?? h.uuid }));
}
