/** One-way password hashing (bcrypt in production). */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** Constant-time with respect to the password; `false` for a malformed hash. */
  verify(password: string, hash: string): Promise<boolean>;
}
