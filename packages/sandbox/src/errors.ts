/**
 * Thrown when the sandbox is used wrongly: an unknown or stopped provider, an invalid option or fault
 * rule, no simulator available, a port already in use. The message says what to change.
 *
 * @category Sandbox
 */
export class SandboxError extends Error {
  /** Creates the error; `options.cause` keeps the underlying error, if any. */
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SandboxError';
  }
}

/** The message of anything thrown: an `Error`'s message, or the value as a string. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
