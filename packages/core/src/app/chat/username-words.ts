/** Words for generated chat names ("Adjective" + "Animal"): 30 × 30 friendly, neutral words. */
export const NAME_ADJECTIVES = [
  'Agile', 'Bold', 'Brave', 'Bright', 'Calm', 'Clever', 'Cosmic', 'Curious', 'Daring', 'Eager',
  'Fancy', 'Gentle', 'Glad', 'Happy', 'Jolly', 'Kind', 'Lively', 'Lucky', 'Mellow', 'Merry',
  'Nimble', 'Polite', 'Quick', 'Quiet', 'Sunny', 'Swift', 'Tidy', 'Witty', 'Zany', 'Zesty',
] as const;

export const NAME_ANIMALS = [
  'Badger', 'Beaver', 'Bison', 'Crane', 'Dolphin', 'Falcon', 'Ferret', 'Finch', 'Fox', 'Gecko',
  'Heron', 'Ibis', 'Koala', 'Lemur', 'Lynx', 'Marmot', 'Moose', 'Newt', 'Otter', 'Owl',
  'Panda', 'Puffin', 'Quokka', 'Raven', 'Seal', 'Sloth', 'Swan', 'Tapir', 'Walrus', 'Wombat',
] as const;
