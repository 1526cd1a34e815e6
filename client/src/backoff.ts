// When the server dies: restart after a growing delay, give up after too many crashes in a
// short time. Pure (the clock is injected).

export interface BackoffOptions {
  /** Crashes within `windowMs` after which the server stays stopped. */
  maxCrashes: number;
  windowMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { maxCrashes: 5, windowMs: 3 * 60_000, baseDelayMs: 1_000, maxDelayMs: 30_000 };

export type CrashDecision = { restart: true; delayMs: number; crashes: number } | { restart: false; crashes: number };

export class CrashPolicy {
  private crashes: number[] = [];

  constructor(private readonly opts: BackoffOptions = DEFAULT_BACKOFF, private readonly now: () => number = Date.now) {}

  onCrash(): CrashDecision {
    const t = this.now();
    this.crashes = this.crashes.filter((c) => t - c < this.opts.windowMs);
    this.crashes.push(t);
    const n = this.crashes.length;
    if (n >= this.opts.maxCrashes) return { restart: false, crashes: n };
    return { restart: true, delayMs: Math.min(this.opts.maxDelayMs, this.opts.baseDelayMs * 2 ** (n - 1)), crashes: n };
  }

  /** A restart the user asked for starts over. */
  reset(): void {
    this.crashes = [];
  }

  get windowMinutes(): number {
    return Math.round(this.opts.windowMs / 60_000);
  }
}
