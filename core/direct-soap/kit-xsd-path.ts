import { fileURLToPath } from 'node:url';

/** Absolute path of kit-direct.xsd, the schema of the kit namespace (header wrappers and fault details). */
export const KIT_DIRECT_XSD_PATH = fileURLToPath(new URL('./kit-direct.xsd', import.meta.url));
