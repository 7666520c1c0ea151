/** A remote ActivityPub actor following this server's actor. */
export interface Follower {
  /** The actor IRI: the identity of a follower. */
  readonly actorIri: string;
  readonly inbox: string;
  readonly name: string;
  /** `user@host` */
  readonly username: string;
  readonly image: string;
  /** IRI of the Follow activity, needed to Accept it. */
  readonly followRequestIri: string;
  readonly createdAt: Date;
  /** null while the request waits for approval (private mode). */
  readonly approvedAt: Date | null;
  /** set when rejected or blocked */
  readonly disabledAt: Date | null;
}

export const FOLLOWER_STATUSES = ['approved', 'pending', 'blocked'] as const;
export type FollowerStatus = (typeof FOLLOWER_STATUSES)[number];

export function followerStatus(follower: Pick<Follower, 'approvedAt' | 'disabledAt'>): FollowerStatus {
  if (follower.disabledAt !== null) return 'blocked';
  return follower.approvedAt === null ? 'pending' : 'approved';
}

/** An inbound or outbound activity kept for the admin's activity list and the outbox. */
export interface FederatedActivity {
  readonly iri: string;
  readonly actorIri: string;
  readonly type: string;
  readonly timestamp: Date;
  /** 'inbound' for activities received, 'outbound' for ones we published */
  readonly direction: 'inbound' | 'outbound';
  /** The serialised activity (outbound ones are served from the outbox). */
  readonly payload: string;
}
