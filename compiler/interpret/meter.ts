// Fuel accounting and the deadline for one evaluation. Running out of either
// is not a CEL error (CEL errors are values): it aborts the whole evaluation
// by throwing EvalAbort, which interpretPolicy turns into the decision's
// error. The clock is read only when fuel crosses FUEL.clockInterval, so the
// cost of timekeeping stays proportional to the work done.

import { FUEL } from "../fuel.js";
import { DEFAULT_MEMORY_LIMIT_BYTES, type ErrorCode } from "../../runtime/types.js";

export class EvalAbort extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, "eval_error" | "input_invalid">,
    message: string,
  ) {
    super(message);
  }
}

export class FuelMeter {
  used = 0;
  private nextClockCheck: number = FUEL.clockInterval;

  constructor(
    readonly budget: number,
    private readonly clock: () => number,
    private readonly deadline: number,
    private readonly timeoutMs: number = Number.POSITIVE_INFINITY,
    /** A string or bytes value larger than this ends the evaluation (spec section 7: memory is bounded). */
    readonly memoryLimitBytes: number = DEFAULT_MEMORY_LIMIT_BYTES,
  ) {}

  /** A meter that never runs out and never looks at a clock (const folding without limits). */
  static unlimited(): FuelMeter {
    return new FuelMeter(Number.POSITIVE_INFINITY, () => 0, Number.POSITIVE_INFINITY);
  }

  charge(units: number): void {
    if (units === 0) return;
    this.used += units;
    if (this.used > this.budget) {
      throw new EvalAbort("fuel_exhausted", `fuel budget of ${this.budget} units exhausted`);
    }
    if (this.used >= this.nextClockCheck) {
      this.nextClockCheck = (Math.floor(this.used / FUEL.clockInterval) + 1) * FUEL.clockInterval;
      this.checkDeadline();
    }
  }

  /** Called with the size of each string or bytes value a library call returns. */
  checkValueSize(bytes: number): void {
    if (bytes > this.memoryLimitBytes) {
      throw new EvalAbort("internal", `memory limit of ${this.memoryLimitBytes} bytes exceeded by a value of ${bytes} bytes`);
    }
  }

  checkDeadline(): void {
    if (this.clock() > this.deadline) {
      throw new EvalAbort("timeout", `evaluation passed its deadline of ${this.timeoutMs} ms`);
    }
  }
}
