/**
 * Thrown when the sandbox is used wrongly: an unknown or stopped provider, an invalid option or fault
 * rule, no simulator available, a port already in use. The message says what to change.
 */
export class SandboxError extends Error {
  /** Creates the error; `options.cause` keeps the underlying error, if any. */
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SandboxError';
  }
}
