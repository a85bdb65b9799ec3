/**
 * A cursor over one element of an envelope that knows the version's namespaces and its own path, so every
 * "missing" or "bad value" error names exactly where it happened.
 */
import { KitError } from '../../errors/index.ts';
import { childElements, textOf } from '../../xml/index.ts';
import { XMLDSIG_NS, type SmevNamespaces } from './namespaces.ts';
import { assertMessageId } from './message-id.ts';
import type { ParsedSignatureWrapper } from './parsed-model.ts';

export class Scope {
  private readonly own: readonly string[];

  constructor(
    readonly ns: SmevNamespaces,
    readonly element: Element,
    readonly path: string,
  ) {
    // Schemas put a few elements in types or basic inconsistently across versions and implementations; accepting
    // any of the version's own namespaces keeps the match namespace-based without guessing which one.
    this.own = [ns.types, ns.basic, ns.faults];
  }

  private matches(el: Element, localName: string): boolean {
    return el.localName === localName && this.own.includes(el.namespaceURI ?? '');
  }

  child(localName: string): Element | undefined {
    return childElements(this.element).find((el) => this.matches(el, localName));
  }

  children(localName: string): Element[] {
    return childElements(this.element).filter((el) => this.matches(el, localName));
  }

  enter(element: Element, name = element.localName): Scope {
    return new Scope(this.ns, element, `${this.path}/${name}`);
  }

  optional(localName: string): Scope | undefined {
    const el = this.child(localName);
    return el ? this.enter(el) : undefined;
  }

  require(localName: string): Scope {
    const el = this.child(localName);
    if (!el) throw this.invalid(`${this.path} has no ${localName}`, `${this.path}/${localName}`);
    return this.enter(el);
  }

  text(localName: string): string | undefined {
    const el = this.child(localName);
    return el ? textOf(el).trim() : undefined;
  }

  requireText(localName: string): string {
    const value = this.text(localName);
    if (value === undefined) throw this.invalid(`${this.path} has no ${localName}`, `${this.path}/${localName}`);
    if (value === '') throw this.invalid(`${this.path}/${localName} is empty`, `${this.path}/${localName}`);
    return value;
  }

  int(localName: string, required: true): number;
  int(localName: string, required?: false): number | undefined;
  int(localName: string, required = false): number | undefined {
    const raw = required ? this.requireText(localName) : this.text(localName);
    if (raw === undefined) return undefined;
    if (!/^[+-]?\d+$/.test(raw)) throw this.invalid(`${this.path}/${localName} is not an integer: "${raw.slice(0, 40)}"`, `${this.path}/${localName}`);
    return Number(raw);
  }

  messageId(localName: string): string {
    const value = this.requireText(localName);
    assertMessageId(value, `${this.path}/${localName}`);
    return value;
  }

  optionalMessageId(localName: string): string | undefined {
    const value = this.text(localName);
    if (value !== undefined) assertMessageId(value, `${this.path}/${localName}`);
    return value;
  }

  /** Id attribute (no namespace), if present. */
  id(): string | undefined {
    return this.element.hasAttribute('Id') ? this.element.getAttribute('Id') ?? undefined : undefined;
  }

  signatureWrapper(localName: string): ParsedSignatureWrapper | undefined {
    const el = this.child(localName);
    if (!el) return undefined;
    const signature = childElements(el).find((c) => c.localName === 'Signature' && c.namespaceURI === XMLDSIG_NS);
    return signature ? { element: el, signature } : { element: el };
  }

  invalid(message: string, path = this.path): KitError {
    return new KitError('ERR_ENVELOPE_INVALID', message, { path });
  }
}
