/**
 * A reason the process cannot start that the operator can fix (a folder it cannot write, a key
 * that is too short). The entry point prints its one-line message, never a stack, and exits 1.
 */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}
