/**
 * A set of sub-task ids, for finding duplicate ids and orphaned progress entries among 100 000 sub-tasks.
 *
 * Ids as breakdown writes them — a row number without leading zeros, a dot, a two-digit sequence (`12.03`)
 * — are kept as the number row × 100 + sequence (1203), marked in a bit table. A hash set of the id texts
 * reads each id's string from wherever it lies in the heap (again on every rehash as the set grows) and
 * probes a large table at random; that made the duplicate check a tenth of the cost of scoring a large
 * ledger. Any other id (`1.100`, `01.02`, `A-3`) is kept as text. The mapping is one-to-one on the ids it
 * accepts, so two ids are equal exactly when they land on the same entry.
 */

// eslint-disable-next-line @typescript-eslint/unbound-method -- only ever called with a string receiver
const charCodeAt: (this: string, index: number) => number = String.prototype.charCodeAt;

/**
 * The number of an id in breakdown's form (row 1–9 999 999 without leading zeros, `.`, two digits), else
 * −1.
 * @example idNumber('1.01') === 101; idNumber('12.03') === 1203; idNumber('9999999.99') === 999999999
 * @example idNumber('01.01') === -1; idNumber('1.1') === -1; idNumber('1.100') === -1; idNumber('0.01') === -1
 */
export function idNumber(id: string): number {
  const n = id.length;
  if (n < 4 || n > 10) return -1;
  const dot = n - 3;
  if (charCodeAt.call(id, dot) !== 46) return -1; // '.'
  let row = 0;
  for (let i = 0; i < dot; i++) {
    const digit = charCodeAt.call(id, i) - 48;
    if (digit < 0 || digit > 9 || (i === 0 && digit === 0)) return -1;
    row = row * 10 + digit;
  }
  const tens = charCodeAt.call(id, dot + 1) - 48;
  const ones = charCodeAt.call(id, dot + 2) - 48;
  if (tens < 0 || tens > 9 || ones < 0 || ones > 9) return -1;
  return row * 100 + tens * 10 + ones;
}

/**
 * Ids in breakdown's form with numbers below this are marked in a bit table (up to 2 MiB, for row numbers up
 * to 167 772): ids come in row order, so marking them walks the table from start to end, where a hash set of
 * 100 000 entries would be probed at random, missing the processor's cache each time. Larger numbers go to
 * a hash set.
 */
const BIT_TABLE_LIMIT = 1 << 24;

/** A set of ids (see the module comment). */
export class IdSet {
  private bits = new Uint8Array(1 << 12);
  private readonly largeNumbers = new Set<number>();
  private readonly texts = new Set<string>();

  /** Add an id; false when it was already there. */
  add(id: string): boolean {
    const key = idNumber(id);
    if (key < 0) {
      const size = this.texts.size;
      this.texts.add(id);
      return this.texts.size > size;
    }
    if (key >= BIT_TABLE_LIMIT) {
      const size = this.largeNumbers.size;
      this.largeNumbers.add(key);
      return this.largeNumbers.size > size;
    }
    const byte = key >>> 3;
    if (byte >= this.bits.length) this.grow(byte);
    const mask = 1 << (key & 7);
    const old = this.bits[byte] ?? 0;
    if ((old & mask) !== 0) return false;
    this.bits[byte] = old | mask;
    return true;
  }

  /** Whether an id was added. */
  has(id: string): boolean {
    const key = idNumber(id);
    if (key < 0) return this.texts.has(id);
    if (key >= BIT_TABLE_LIMIT) return this.largeNumbers.has(key);
    const byte = key >>> 3;
    return byte < this.bits.length && ((this.bits[byte] ?? 0) & (1 << (key & 7))) !== 0;
  }

  // Make room for `byte`, at least doubling so that growing costs little overall.
  private grow(byte: number): void {
    let length = this.bits.length * 2;
    while (length <= byte) length *= 2;
    const bits = new Uint8Array(Math.min(length, BIT_TABLE_LIMIT >>> 3));
    bits.set(this.bits);
    this.bits = bits;
  }
}
