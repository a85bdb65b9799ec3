import { describe, expect, it } from 'vitest';
import { extractSoapPart, parseSmevEnvelope } from '../../core/smev/envelope/index.ts';
import { ns, thrown } from './_fixtures.ts';

const N = ns('1.2');
const EMPTY = `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><ns2:GetResponseResponse xmlns="${N.basic}" xmlns:ns2="${N.types}" xmlns:ns3="${N.faults}"/></soap:Body></soap:Envelope>`;
const BOUNDARY = 'uuid:0ca0e986-d0c6-4c5b-b5a3-7b6b0b1c7d7e';
const CONTENT_TYPE = `multipart/related; type="application/xop+xml"; boundary="${BOUNDARY}"; start="<root.message@cxf.apache.org>"; start-info="text/xml"`;

function body(parts: string[]): Buffer {
  return Buffer.from(`\r\n--${BOUNDARY}\r\n${parts.join(`\r\n--${BOUNDARY}\r\n`)}\r\n--${BOUNDARY}--`, 'utf8');
}

describe('extractSoapPart', () => {
  it('takes the root part of a CXF multipart answer for an empty queue', () => {
    const raw = body([`Content-Type: application/xop+xml; charset=UTF-8; type="text/xml"\r\nContent-Transfer-Encoding: binary\r\nContent-ID: <root.message@cxf.apache.org>\r\n\r\n${EMPTY}`]);
    const part = extractSoapPart(raw, CONTENT_TYPE);
    expect(part.multipart).toBe(true);
    expect(part.xml).toBe(EMPTY);
    const env = parseSmevEnvelope(part.xml);
    expect(env.operation === 'GetResponseResponse' && env.message).toBeUndefined();
  });

  it('keeps the other parts by Content-ID, binary intact', () => {
    const bin = Buffer.from([0, 1, 2, 0xff, 0x0d, 0x0a, 0x2d, 0x2d]);
    const head = Buffer.from(
      `--${BOUNDARY}\r\nContent-Type: application/xop+xml; charset=UTF-8; type="text/xml"\r\nContent-ID: <root.message@cxf.apache.org>\r\n\r\n${EMPTY}\r\n--${BOUNDARY}\r\nContent-Type: application/octet-stream\r\nContent-ID: <att1@x>\r\n\r\n`,
    );
    const raw = Buffer.concat([head, bin, Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]);
    const part = extractSoapPart(raw, CONTENT_TYPE);
    expect(part.attachments.get('att1@x')?.data.equals(bin)).toBe(true);
    expect(part.xml).toBe(EMPTY);
  });

  it('passes a plain text/xml body through', () => {
    expect(extractSoapPart(Buffer.from(EMPTY), 'text/xml;charset=UTF-8')).toMatchObject({ xml: EMPTY, multipart: false });
  });

  it('gives typed errors for a missing boundary, a truncated body and an unknown start part', () => {
    expect((thrown(() => extractSoapPart(Buffer.from(EMPTY), 'multipart/related; type="application/xop+xml"')) as Error).message).toMatch(/no boundary/);
    const truncated = Buffer.from(`--${BOUNDARY}\r\nContent-ID: <root.message@cxf.apache.org>\r\n\r\n${EMPTY}`);
    expect((thrown(() => extractSoapPart(truncated, CONTENT_TYPE)) as { code: string }).code).toBe('ERR_ENVELOPE_INVALID');
    const other = body([`Content-ID: <other>\r\n\r\n${EMPTY}`]);
    expect((thrown(() => extractSoapPart(other, CONTENT_TYPE)) as Error).message).toMatch(/start part/);
  });
});
