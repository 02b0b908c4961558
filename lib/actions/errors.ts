// Errors a business step throws to refuse a change; the action wrapper rolls the transaction
// back and shows them to the user next to the right field or in a banner.

export class ActionRefused extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = 'ActionRefused';
  }
}

/** Someone else changed the case since this user loaded it. */
export class StaleCaseError extends ActionRefused {
  constructor() {
    super('This case changed since you opened it. Reload to see the latest version, then decide again.');
    this.name = 'StaleCaseError';
  }
}
