// Every mutation by name: the outbox stores names, and push and replay look them up here.
import type { z } from 'zod';
import { addNote, assign, setStatus } from './caseMutations';
import { releaseClaim, requestClaim } from './claimMutations';
import type { MutationDefinition } from './runMutation';
import { takeCase } from './takeCase';

export const MUTATIONS: Readonly<Record<string, MutationDefinition<z.ZodType>>> = {
  [addNote.name]: addNote,
  [assign.name]: assign,
  [setStatus.name]: setStatus,
  [takeCase.name]: takeCase,
  [requestClaim.name]: requestClaim,
  [releaseClaim.name]: releaseClaim,
};
