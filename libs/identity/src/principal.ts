/** Who is acting, as the verified token says. Flows into every event's metadata. */
export interface Principal {
  userId: string;
  displayName: string;
  agency: string;
  partnershipId: string;
  roles: string[];
}

export class Unauthenticated extends Error {
  readonly code = 'UNAUTHENTICATED';
  constructor(reason: string) {
    super(reason);
    this.name = 'Unauthenticated';
  }
}
