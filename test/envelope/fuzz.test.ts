import { describe, expect, it } from 'vitest';
import { KitError } from '../../core/errors/index.ts';
import { buildGetResponseResponse, extractSoapPart, generateMessageId, parseSmevEnvelope } from '../../core/smev/envelope/index.ts';
import { descendantElements, parseXml } from '../../core/xml/index.ts';
import { PAYLOAD, SIGNATURE } from './_fixtures.ts';

// Deterministic PRNG so a failure reproduces.
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('fuzzing with truncated and mangled envelopes', () => {
  const ours = generateMessageId();
  const valid = buildGetResponseResponse({
    version: '1.2',
    message: {
      originalMessageId: ours,
      responseData: { messageId: generateMessageId(), to: 'r', body: { kind: 'content', content: PAYLOAD } },
      metadata: { messageId: ours, messageType: 'RESPONSE', sendingTimestamp: 't', status: 'messageIsDelivered' },
      senderSignature: SIGNATURE,
      smevSignature: SIGNATURE,
    },
  });

  it('never throws anything but KitError on 1,000 random truncations of a valid envelope', () => {
    const random = mulberry32(20240520);
    let parsed = 0;
    for (let i = 0; i < 1000; i++) {
      const cut = Math.floor(random() * valid.length);
      const sample = random() < 0.5 ? valid.slice(0, cut) : valid.slice(0, cut) + valid.slice(cut + 1 + Math.floor(random() * 20));
      try {
        parseSmevEnvelope(sample);
        parsed++;
      } catch (e) {
        if (!(e instanceof KitError)) throw new Error(`non-KitError for sample ${i}: ${String(e)}`);
      }
    }
    expect(parsed).toBeLessThan(1000);
  });

  it('never throws anything but KitError on truncated multipart bodies', () => {
    const boundary = 'b1';
    const raw = Buffer.from(`--${boundary}\r\nContent-Type: application/xop+xml; charset=UTF-8\r\nContent-ID: <root>\r\n\r\n${valid}\r\n--${boundary}--\r\n`);
    const random = mulberry32(7);
    for (let i = 0; i < 300; i++) {
      const sample = raw.subarray(0, Math.floor(random() * raw.length));
      try {
        parseSmevEnvelope(extractSoapPart(sample, `multipart/related; boundary=${boundary}; start="<root>"`).xml);
      } catch (e) {
        if (!(e instanceof KitError)) throw new Error(`non-KitError for sample ${i}: ${String(e)}`);
      }
    }
  });

  it('never throws anything but KitError when random elements or texts are removed from a well-formed envelope', () => {
    const random = mulberry32(42);
    for (let i = 0; i < 500; i++) {
      const document = parseXml(valid);
      const elements = descendantElements(document.documentElement);
      for (let k = 0; k < 1 + Math.floor(random() * 3); k++) {
        const victim = elements[Math.floor(random() * elements.length)]!;
        if (random() < 0.5) victim.parentNode?.removeChild(victim);
        else victim.textContent = random() < 0.5 ? '' : 'garbage';
      }
      try {
        parseSmevEnvelope(document);
      } catch (e) {
        if (!(e instanceof KitError)) throw new Error(`non-KitError for sample ${i}: ${String(e)}`);
      }
    }
  });
});
