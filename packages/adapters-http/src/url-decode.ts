/** `decodeURIComponent`, or `undefined` when the text is not valid percent-encoding (a 404/400, never a 500). */
export function safeDecodeURIComponent(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
