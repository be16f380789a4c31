/**
 * The number of leading items of a sorted array for which `isBefore` holds (the index of the first item for
 * which it does not), by binary search: the items must hold it first and then not.
 */
export function partitionPoint<T>(items: readonly T[], isBefore: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isBefore(items[middle]!)) low = middle + 1;
    else high = middle;
  }
  return low;
}
