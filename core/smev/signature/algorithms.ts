/** Algorithm and namespace URIs of the SMEV signature profile (reference notes §2.1) and of the W3C `dev` profile. */

export { SMEV_TRANSFORM_URI } from '../transform/index.ts';

export const XMLDSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
export const EXC_C14N_URI = 'http://www.w3.org/2001/10/xml-exc-c14n#';

export const RSA_SHA256_URI = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
export const SHA256_URI = 'http://www.w3.org/2001/04/xmlenc#sha256';

export const GOST2012_256_SIGNATURE_URI = 'urn:ietf:params:xml:ns:cpxmlsec:algorithms:gostr34102012-gostr34112012-256';
export const GOST2012_256_DIGEST_URI = 'urn:ietf:params:xml:ns:cpxmlsec:algorithms:gostr34112012-256';

/** Which transform chain a Reference carries: the SMEV one, or plain exc-c14n that standard tools can check. */
export type TransformChainName = 'smev' | 'exc-c14n';
