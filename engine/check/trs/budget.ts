// Resource limits for the prover: a wall-clock deadline and a step allowance, checked cheaply
// in hot loops; running out throws OutOfBudget, which each criterion turns into "don't know".

export class OutOfBudget extends Error {
  constructor() {
    super("out of budget");
  }
}

export class Budget {
  private countdown = 0;
  /** Absolute time (ms since the epoch, `Date.now()` clock) after which work stops. */
  readonly deadline: number;
  /** Remaining elementary steps (rewrite steps, search nodes). */
  steps: number;

  constructor(deadline: number, steps = Number.POSITIVE_INFINITY) {
    this.deadline = deadline;
    this.steps = steps;
  }

  static ms(ms: number, steps?: number): Budget {
    return new Budget(Date.now() + ms, steps);
  }

  /** A budget for a sub-task: at most `ms` of the remaining time and `steps` steps. */
  slice(ms: number, steps = Number.POSITIVE_INFINITY): Budget {
    return new Budget(Math.min(this.deadline, Date.now() + ms), Math.min(this.steps, steps));
  }

  expired(): boolean {
    return Date.now() >= this.deadline;
  }

  /** Spends `n` steps; throws when the steps or (checked every 32 calls) the time run out. */
  tick(n = 1): void {
    this.steps -= n;
    if (this.steps < 0) throw new OutOfBudget();
    if (++this.countdown >= 32) {
      this.countdown = 0;
      if (Date.now() >= this.deadline) throw new OutOfBudget();
    }
  }
}

/** Runs `f`, mapping OutOfBudget (and stack overflow on deep terms) to undefined. */
export function attempt<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (e) {
    if (e instanceof OutOfBudget || e instanceof RangeError) return undefined;
    throw e;
  }
}
