const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
/** The largest multiple of the alphabet's length a byte can reach: bytes above it are skipped, so every character is equally likely. */
const UNBIASED = 256 - (256 % ALPHABET.length);

/** A random stream key of `length` characters from an alphabet without look-alikes (no 0/O, 1/l/I), safe in RTMP URLs. */
export function generateStreamKey(length = 24): string {
  let key = '';
  while (key.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < UNBIASED && key.length < length) key += ALPHABET[byte % ALPHABET.length];
    }
  }
  return key;
}
