// PostgreSQL's refusals of the portal functions and policies (migration 0017) as the service answers them.
import { ServiceError } from '../http/errors';

export function portalDbError(error: unknown): unknown {
  if (error instanceof ServiceError) return error;
  const { code, constraint } = error as { code?: string; constraint?: string };
  switch (code) {
    case 'PT001':
      return new ServiceError(422, 'portal.notInDsb', 'The firm is not active in the DSB register of electrical businesses.');
    case 'PT002':
      return new ServiceError(409, 'portal.firmExists', 'The firm has applied already.');
    case 'PT003':
      return new ServiceError(409, 'portal.emailTaken', 'The e-mail address already has a portal account.');
    case 'PT004':
      return new ServiceError(409, 'portal.alreadyDecided', 'The application has been decided already.');
    case 'PT005':
      return new ServiceError(400, 'input.invalid', 'The input was refused by the database.');
    case '42501':
      return new ServiceError(403, 'notPermitted', 'Not permitted.');
    case '23505':
      if (constraint === 'portal_users_email_unique') {
        return new ServiceError(409, 'portal.emailTaken', 'The e-mail address already has a portal account.');
      }
      if (constraint === 'portal_firms_organisation_number_unique') {
        return new ServiceError(409, 'portal.firmExists', 'The firm has applied already.');
      }
      return error;
    default:
      return error;
  }
}
