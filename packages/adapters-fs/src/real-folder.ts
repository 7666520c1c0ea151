import { mkdir, realpath } from 'node:fs/promises';

/**
 * A folder created on first use and resolved to its real path once, so that later checks
 * (`isOwnPath`) compare against the real path. The folder itself may be a symbolic link. A
 * failure is not remembered: a later call retries, e.g. once a disk is mounted.
 */
export class RealFolder {
  readonly #path: string;
  readonly #description: string;
  #real: Promise<string> | undefined;

  /** `description` names the folder in errors, e.g. `video folder`. */
  constructor(path: string, description: string) {
    this.#path = path;
    this.#description = description;
  }

  /** Creates the folder if missing and answers its real path. */
  resolve(): Promise<string> {
    this.#real ??= mkdir(this.#path, { recursive: true })
      .then(() => realpath(this.#path))
      .catch((error: unknown) => {
        this.#real = undefined;
        throw new Error(`could not open the ${this.#description} ${this.#path}`, { cause: error });
      });
    return this.#real;
  }
}
