/**
 * An event serialised once for a whole broadcast: its JSON and that JSON's UTF-8, so thousands
 * of sockets share one string and one buffer instead of each encoding their own.
 */
export interface SerializedEvent {
  readonly json: string;
  readonly utf8: Uint8Array;
}

const encoder = new TextEncoder();

export function serializeEvent(event: object): SerializedEvent {
  const json = JSON.stringify(event);
  return { json, utf8: encoder.encode(json) };
}
