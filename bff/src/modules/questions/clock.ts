// The time the feedback loop (queries, ratings, rectifications, supervision) judges targets and
// deadlines by. It is the system clock shifted by an offset that tests can move (a first-reply
// target or a 15-working-day deadline cannot be waited for); sessions, rate limits and
// everything else keep the real time. Nothing in production moves it.
export class FeedbackClock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Makes the clock read `target` now; it keeps running from there. */
  set(target: Date): void {
    this.offsetMs = target.getTime() - Date.now();
  }

  reset(): void {
    this.offsetMs = 0;
  }
}

/** One per process: every BFF app in it reads the same feedback time. */
export const feedbackClock = new FeedbackClock();
