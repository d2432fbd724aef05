/**
 * Per-unit values (a unit's tally, its escalation list) looked up once per task row. The sub-tasks of a task
 * row share the row's units array, so consecutive sub-tasks ask for the same units: the values found for
 * the last array are kept and handed out again without looking the units up. Used by the unit tally and the
 * escalation list, which are filled as each sub-task is scored.
 */
export class RowUnits<T> {
  private lastUnits: readonly string[] | null = null;
  // One array, overwritten for each task row and never shortened (shortening gives up its storage): a new
  // one per row would be tens of thousands of short-lived arrays for a large ledger.
  private readonly values: T[] = [];
  private valueCount = 0;

  /**
   * @param byUnit the values found so far, by unit name; a unit seen for the first time is added to it.
   * @param create the value of a unit seen for the first time.
   */
  constructor(
    private readonly byUnit: Map<string, T>,
    private readonly create: (unit: string) => T,
  ) {}

  /**
   * The values of `units`, in their order (a unit named twice, twice), in the first {@link count} entries of
   * the returned array. The array is reused: it holds them until the next call.
   * @example const row = new RowUnits(map, () => []); const lists = row.of(['区财政局', '区税务局']); row.count === 2
   */
  of(units: readonly string[]): readonly T[] {
    if (units !== this.lastUnits) {
      let count = 0;
      for (let u = 0; u < units.length; u++) {
        const unit = units[u];
        if (unit === undefined) continue;
        let value = this.byUnit.get(unit);
        if (value === undefined) {
          value = this.create(unit);
          this.byUnit.set(unit, value);
        }
        this.values[count++] = value;
      }
      this.lastUnits = units;
      this.valueCount = count;
    }
    return this.values;
  }

  /** How many entries of the array {@link of} returned last are the units' values. */
  get count(): number {
    return this.valueCount;
  }
}
