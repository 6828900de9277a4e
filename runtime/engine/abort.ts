/** Ends an evaluation that is not a CEL error (fuel, deadline, memory): the decision denies with this code. */
export class Abort extends Error {
  constructor(
    readonly code: "fuel_exhausted" | "timeout" | "internal",
    message: string,
  ) {
    super(message);
  }
}
