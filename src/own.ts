/**
 * `table[key]` only when the table has that key of its own: a template can name a resource type,
 * runtime or policy `constructor` or `__proto__`, which a plain lookup would find on Object.prototype.
 */
export function own<T>(table: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return table !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}
