// What an edit changed, field by field: the audit log's `changes` and the "Changed … of …" lines.

/** The fields of `after` whose value differs in `before`, as [before, after]. */
export function changedFields<T extends object>(before: T, after: Partial<T>): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(after) as Array<keyof T>) {
    if (before[key] !== after[key]) changes[key as string] = [before[key], after[key]];
  }
  return changes;
}
