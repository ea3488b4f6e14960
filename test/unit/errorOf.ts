import { expect } from "vitest";
import { CliError } from "../../src/core/errors.js";

/** Runs `work`, asserts it throws a CliError, and returns that error for further checks. */
export function cliErrorOf(work: () => unknown): CliError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    return error as CliError;
  }
  throw new Error("expected a CliError, but nothing was thrown");
}
