import { readFile } from 'node:fs/promises';
import { signDetached, signSmevEnvelope, type ProfileName } from '../../core/smev/signature/index.ts';
import { parseSmevEnvelope } from '../../core/smev/envelope/index.ts';
import { isKitError } from '../../core/errors/index.ts';
import { readInput, type CliIo } from '../io.ts';
import { BadInputError, EXIT_OK } from '../exit-codes.ts';

export interface SignArgs {
  file: string;
  id?: string;
  profile: ProfileName;
  key: string;
  cert: string;
  chain: 'smev' | 'exc-c14n';
}

/**
 * A message-exchange envelope is signed the SMEV way (its Id-bearing element, signature in
 * CallerInformationSystemSignature). Any other document needs --id, and the ds:Signature goes right after the
 * signed element, as a sibling.
 */
export async function runSign(args: SignArgs, io: CliIo): Promise<number> {
  const xml = (await readInput(args.file, io)).toString('utf8');
  const [privateKeyPem, certificatePem] = await Promise.all([readFile(args.key, 'utf8'), readFile(args.cert, 'utf8')]);
  const envelopeSignedId = signedIdOfEnvelope(xml);

  let signed: string;
  if (envelopeSignedId !== undefined && (args.id === undefined || args.id === envelopeSignedId) && args.chain === 'smev') {
    signed = signSmevEnvelope(xml, { profile: args.profile, privateKeyPem, certificatePem });
  } else {
    if (args.id === undefined) throw new BadInputError('the document is not a message-exchange envelope: say which element to sign with --id');
    signed = signDetached(xml, {
      referenceId: args.id,
      profile: args.profile,
      privateKeyPem,
      certificatePem,
      transforms: args.chain,
      container: (_doc, element) => element.parentNode as Element,
    });
  }
  io.stdout.write(signed.endsWith('\n') ? signed : signed + '\n');
  return EXIT_OK;
}

function signedIdOfEnvelope(xml: string): string | undefined {
  try {
    const envelope = parseSmevEnvelope(xml);
    const signedChild = [...childElementsOf(envelope.operationElement)].find((el) => el.hasAttribute('Id'));
    return signedChild?.getAttribute('Id') ?? undefined;
  } catch (error) {
    if (isKitError(error) && error.code.startsWith('ERR_XML')) throw error;
    return undefined;
  }
}

function* childElementsOf(parent: Element): Iterable<Element> {
  for (let node = parent.firstChild; node; node = node.nextSibling) if (node.nodeType === 1) yield node as Element;
}
