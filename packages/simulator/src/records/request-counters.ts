/** How many requests a route answered with one status; status 0 counts dropped connections. */
export interface RequestCount {
  route: string;
  status: number;
  count: number;
}

export class RequestCounters {
  readonly #counts = new Map<string, RequestCount>();

  increment(route: string, status: number): void {
    const key = `${route} ${status}`;
    const existing = this.#counts.get(key);
    if (existing === undefined) this.#counts.set(key, { route, status, count: 1 });
    else existing.count += 1;
  }

  list(): RequestCount[] {
    return Array.from(this.#counts.values(), (entry) => ({ ...entry })).sort(
      (left, right) => left.route.localeCompare(right.route) || left.status - right.status,
    );
  }

  get total(): number {
    let total = 0;
    for (const entry of this.#counts.values()) total += entry.count;
    return total;
  }

  clear(): void {
    this.#counts.clear();
  }
}
