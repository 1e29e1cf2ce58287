// How each outbox mutation is carried out on the central database, as the person who made it: the central service
// runs it as desk_service in the person's group role and naming them (desk.actor, read by desk_actor(); central
// 0015), so PostgreSQL's privileges and row-level security decide. Preconditions recorded with the mutation are
// checked first, so a refusal can say what changed instead of "0 rows updated".
//
// Each applier lives with its mutation in the mutation's domain module (mutations/domains/*); this is the central
// side's way in, looked up in the one registry (mutations/registry.ts).
export { centralApplierFor } from '../mutations/registry';
export type { ApplierFiles, CentralApply, OutboxEntry } from '../mutations/definition';
export { writeCentralAction } from '../mutations/domains/caseActions';
