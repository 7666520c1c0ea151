import type { ChatEvent, ChatEventType } from '../../domain/chat.ts';
import { newShortId } from '../../domain/ids.ts';
import type { Clock } from '../../ports/clock.ts';

/** A server → client event with a fresh id and the current time, as every chat event carries. */
export function makeChatEvent(clock: Clock, type: ChatEventType, fields: Record<string, unknown> = {}): ChatEvent {
  return { type, id: newShortId(), timestamp: clock.now().toISOString(), ...fields };
}
