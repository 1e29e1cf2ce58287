// Merges tables split per domain (the contract's calls, the core's handlers, the mutations) into one, refusing a
// name that two domains both declare: by the compiler where the parts are known (the argument's type then asks for
// `twice`), and at start-up as well, since a spread would otherwise let the later part win without a word.
type KeysOfAny<T extends readonly object[]> = T[number] extends infer Part ? (Part extends object ? keyof Part : never) : never;

/** The names that more than one part declares. */
export type DeclaredTwice<T extends readonly object[]> = T extends readonly [infer Head extends object, ...infer Rest extends readonly object[]]
  ? (keyof Head & KeysOfAny<Rest>) | DeclaredTwice<Rest>
  : never;

type Merged<T extends readonly object[]> = T extends readonly [infer Head extends object, ...infer Rest extends readonly object[]]
  ? Head & Merged<Rest>
  : unknown;

type EachNameOnce<T extends readonly object[]> = [DeclaredTwice<T>] extends [never] ? unknown : { twice: DeclaredTwice<T> };

export function mergeDomains<const T extends readonly object[]>(...parts: T & EachNameOnce<T>): Merged<T> {
  const merged: Record<string, unknown> = {};
  for (const part of parts as readonly object[]) {
    for (const [name, value] of Object.entries(part)) {
      if (Object.hasOwn(merged, name)) throw new Error(`${name} is declared by two domains`);
      merged[name] = value;
    }
  }
  return merged as Merged<T>;
}
