/**
 * Structured logging. The first argument carries fields, the second the message; loggers never
 * change `fields`. Callers never pass secrets (passwords, tokens, keys); adapters redact known
 * secret field names as well.
 */
export interface Logger {
  debug(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
  /** A logger that adds `bindings` to every line it and its own children write; this one is unaffected. */
  child(bindings: Record<string, unknown>): Logger;
}
