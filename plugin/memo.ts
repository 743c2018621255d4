/**
 * A memo of a pure function's results with a bounded size: when it holds `limit` entries it is
 * emptied and refilled (values that repeat come back at once; memory stays bounded on a large
 * archive). For hot paths: `get(key, make)` with `make` a plain function allocates nothing on a hit.
 */
export class BoundedMemo<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K, make: (key: K) => V): V {
    let value = this.map.get(key);
    if (value === undefined) {
      value = make(key);
      if (this.map.size >= this.limit) this.map.clear();
      this.map.set(key, value);
    }
    return value;
  }
}
