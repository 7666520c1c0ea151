/** The notices (CHAT_ACTION bodies, markdown) the chat sends, worded as Owncast words them where it has them. */
export const CHAT_TEXTS = {
  tooLarge: "Sorry, that message exceeded the maximum size and can't be delivered.",
  flooding: 'You are temporarily blocked from sending chat messages due to perceived flooding.',
  notEstablished: 'You have not been an established chat participant long enough to take part in chat. Please enjoy the stream and try again later.',
  needsAuthentication: 'Only authenticated users can chat right now. Please sign in to send messages.',
  slur: 'Sorry, that message contains language that is not allowed in this chat.',
  streamStarting: 'Stay tuned, the stream is starting!',
  streamEnding: 'The stream is ending.',
  forbiddenName: (name: string) => `You cannot change your name to **${name}**.`,
  nameTaken: (name: string) => `The name **${name}** has been already registered. If this is your name, please authenticate.`,
} as const;

/** WebSocket close codes the core uses (RFC 6455 §7.4.1). */
export const CLOSE_CODES = {
  goingAway: 1001,
  policy: 1008,
  tooBig: 1009,
  tryAgainLater: 1013,
} as const;
