// Errors as the service answers them: a status and a machine-readable code the desk translates, never a stack.
export class ServiceError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

export const unauthorized = () => new ServiceError(401, 'auth.required', 'Sign in first: the token is missing, expired or revoked.');
