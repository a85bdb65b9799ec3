export { parseXml, DEFAULT_XML_LIMITS, type XmlLimits } from './parse-xml.ts';
export * from './dom.ts';
