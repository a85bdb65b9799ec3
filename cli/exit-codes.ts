/** Exit codes are part of the CLI's contract: scripts branch on them. */
export const EXIT_OK = 0;
export const EXIT_VERIFICATION_FAILED = 1;
export const EXIT_BAD_INPUT = 2;

/** Raised by a command for input it cannot use; main prints the one-line reason and exits with EXIT_BAD_INPUT. */
export class BadInputError extends Error {
  override readonly name = 'BadInputError';
}
