// The CLI's documented exit codes.
export const Exit = {
  ok: 0,
  diagnostics: 1,
  usage: 2,
  internal: 70,
} as const;

export type ExitCode = (typeof Exit)[keyof typeof Exit];

/** Thrown by argument parsing; `main` prints it and exits with Exit.usage. */
export class UsageError extends Error {}
