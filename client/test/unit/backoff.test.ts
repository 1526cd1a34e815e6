import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CrashPolicy } from "../../src/backoff";

describe("CrashPolicy", () => {
  it("restarts with growing delays, then gives up", () => {
    let t = 0;
    const p = new CrashPolicy({ maxCrashes: 4, windowMs: 60_000, baseDelayMs: 1_000, maxDelayMs: 3_000 }, () => t);
    const seen = [1, 2, 3, 4].map(() => {
      t += 1_000;
      return p.onCrash();
    });
    assert.deepEqual(seen.map((d) => (d.restart ? d.delayMs : "stop")), [1_000, 2_000, 3_000, "stop"]);
  });

  it("forgets crashes older than the window, and on reset", () => {
    let t = 0;
    const p = new CrashPolicy({ maxCrashes: 2, windowMs: 10_000, baseDelayMs: 500, maxDelayMs: 5_000 }, () => t);
    assert.ok(p.onCrash().restart);
    t = 20_000;
    assert.ok(p.onCrash().restart, "the first crash is outside the window");
    p.reset();
    assert.deepEqual(p.onCrash(), { restart: true, delayMs: 500, crashes: 1 });
  });
});
