// The sandbox clock: real time shifted by an offset that tests and demos can move, so that
// code expiry, slot days and deadlines can be exercised without waiting. Every time-dependent
// rule in the sandbox reads this clock, never Date.now() directly.

export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves the clock so that it reads `target` now; it keeps running from there. */
  set(target: Date): void {
    this.offsetMs = target.getTime() - Date.now();
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  reset(): void {
    this.offsetMs = 0;
  }

  describe(): { now: string; offsetMs: number; shifted: boolean } {
    return { now: this.now().toISOString(), offsetMs: this.offsetMs, shifted: this.offsetMs !== 0 };
  }
}
