/** Items grouped by a key, in first-seen order: one pass, so a report stays linear in its facts. */
export function groupBy<T>(items: readonly T[], by: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = by(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** The last of one case's facts by business date, and of two on one day, the later in its stream. */
export function latestBy<T extends { seq: number }>(
  items: readonly T[],
  dateOf: (item: T) => string,
): T | undefined {
  return items.reduce<T | undefined>(
    (last, item) =>
      !last || dateOf(item) > dateOf(last) || (dateOf(item) === dateOf(last) && item.seq > last.seq)
        ? item
        : last,
    undefined,
  );
}

/** Counts per value; a vocabulary lists every value, zeros included, in its own order. */
export function tally(
  values: readonly string[],
  vocabulary: readonly string[] = [],
): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(vocabulary.map((v) => [v, 0]));
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
