import { DOMParser } from '@xmldom/xmldom';
import { KitError } from '../errors/index.ts';

export interface XmlLimits {
  /** Largest accepted document, in UTF-8 bytes. */
  readonly maxBytes: number;
  /** Deepest accepted element nesting. */
  readonly maxDepth: number;
}

/** Generous for envelopes with inline attachments, small enough that a hostile body cannot exhaust memory. */
export const DEFAULT_XML_LIMITS: XmlLimits = Object.freeze({ maxBytes: 16 * 1024 * 1024, maxDepth: 256 });

// A DOCTYPE is the only way to declare entities; refusing it outright closes XXE and entity expansion.
const DOCTYPE_PATTERN = /<!DOCTYPE|<!ENTITY/i;

/**
 * Parses untrusted XML into a namespace-aware DOM. Refuses DOCTYPE, oversize and over-deep input with typed
 * errors, and turns every parser complaint (which xmldom would otherwise log and repair) into ERR_XML_MALFORMED.
 */
export function parseXml(input: string | Uint8Array, limits: XmlLimits = DEFAULT_XML_LIMITS): Document {
  const byteLength = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (byteLength > limits.maxBytes) {
    throw new KitError('ERR_XML_TOO_LARGE', `XML document is ${byteLength} bytes; the limit is ${limits.maxBytes}`, {
      bytes: byteLength,
      limit: limits.maxBytes,
    });
  }
  let text = typeof input === 'string' ? input : Buffer.from(input).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (DOCTYPE_PATTERN.test(text)) {
    throw new KitError('ERR_XML_DOCTYPE_FORBIDDEN', 'XML with a DOCTYPE or entity declaration is refused');
  }
  if (text.trim() === '') throw new KitError('ERR_XML_MALFORMED', 'XML document is empty');

  // The locator costs a fifth of the parse; only a document that fails is parsed again with it, for positions.
  let parsed = parseWithXmldom(text, false);
  if (parsed.problems.length > 0) parsed = parseWithXmldom(text, true);
  const { document, problems } = parsed;
  if (problems.length > 0 || !document?.documentElement) {
    throw new KitError('ERR_XML_MALFORMED', `XML is not well-formed: ${problems[0] ?? 'no root element'}`, {
      problems,
    });
  }
  assertDocumentShape(document);
  assertDepthAndNamespaces(document.documentElement, limits.maxDepth);
  return document;
}

function parseWithXmldom(text: string, withPositions: boolean): { document: Document | undefined; problems: string[] } {
  const problems: string[] = [];
  const record = (message: string): void => {
    problems.push(message.replace(/^\[xmldom \w+\]\t/, '').split('\n')[0] ?? message);
  };
  const parser = new DOMParser({
    ...(withPositions ? { locator: {} } : {}),
    // xmldom repairs what it calls warnings (an unclosed tag, say): for untrusted input those are errors too.
    errorHandler: { warning: record, error: record, fatalError: record },
  });
  try {
    return { document: parser.parseFromString(text, 'application/xml') as unknown as Document, problems };
  } catch (cause) {
    problems.push(String((cause as Error).message ?? cause).split('\n')[0] ?? 'parse error');
    return { document: undefined, problems };
  }
}

function assertDocumentShape(document: Document): void {
  for (let node = document.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3 && (node.nodeValue ?? '').trim() !== '') {
      throw new KitError('ERR_XML_MALFORMED', 'XML is not well-formed: text outside the root element');
    }
  }
}

function assertDepthAndNamespaces(root: Element, maxDepth: number): void {
  // Iterative walk: a recursive one would itself overflow on the hostile input it is meant to catch.
  const stack: Array<[Node, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > maxDepth) {
      throw new KitError('ERR_XML_TOO_DEEP', `XML nests deeper than ${maxDepth} elements`, { limit: maxDepth });
    }
    const element = node as Element;
    if (element.prefix && !element.namespaceURI) {
      throw new KitError('ERR_XML_MALFORMED', `XML is not well-formed: prefix "${element.prefix}" of <${element.tagName}> is not declared`);
    }
    for (let i = 0; i < element.attributes.length; i++) {
      const attr = element.attributes.item(i)!;
      if (attr.prefix && attr.prefix !== 'xmlns' && !attr.namespaceURI) {
        throw new KitError('ERR_XML_MALFORMED', `XML is not well-formed: prefix "${attr.prefix}" of attribute ${attr.name} is not declared`);
      }
    }
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 1) stack.push([child, depth + 1]);
    }
  }
}
