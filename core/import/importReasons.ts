// Why a record was not imported: a path into the record, a stable code, and words for the person who fixes it.
export interface ImportReason {
  /** Dotted path into the record (`installation.postcode`); empty for the record or file as a whole. */
  path: string;
  code: string;
  message: string;
}

export const reason = (path: string, code: string, message: string): ImportReason => ({ path, code, message });
