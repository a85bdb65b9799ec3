/**
 * The generated-prefix bookkeeping of the SMEV transform (notes §2.2 steps 5, 6, 9): one counter for the whole
 * fragment, and a frame per open element holding the namespaces first declared on it. Closing an element forgets
 * its frame, which is why following siblings re-declare the same URI under a fresh `nsN`.
 */
export class PrefixScope {
  private counter = 1;
  // A URI is declared only when no open frame has it, so visible bindings never shadow one another and a flat
  // map plus a stack of frame boundaries gives O(1) lookups and pops.
  private readonly visible = new Map<string, string>();
  private readonly declaredUris: string[] = [];
  private readonly frameStarts: number[] = [];

  openFrame(): void {
    this.frameStarts.push(this.declaredUris.length);
  }

  closeFrame(): void {
    const start = this.frameStarts.pop() ?? 0;
    for (let i = start; i < this.declaredUris.length; i++) this.visible.delete(this.declaredUris[i]!);
    this.declaredUris.length = start;
  }

  /** The prefix visible for the URI, if any open frame declared it. */
  lookup(uri: string): string | undefined {
    return this.visible.get(uri);
  }

  /** Binds the URI to the next `nsN` in the current frame; the caller writes the declaration. */
  declare(uri: string): string {
    const prefix = `ns${this.counter++}`;
    this.visible.set(uri, prefix);
    this.declaredUris.push(uri);
    return prefix;
  }
}
