/** Errors the CLI turns into a plain sentence and exit code 2. Anything else is a bug and is rethrown. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A configuration file that cannot be used. The message names the file and, where known, the line. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The scan root or another input the user named cannot be read. */
export class InputError extends Error {
  override name = 'InputError';
}

export function isKnownError(error: unknown): error is UsageError | ConfigError | InputError {
  return error instanceof UsageError || error instanceof ConfigError || error instanceof InputError;
}
