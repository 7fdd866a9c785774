// The kinds of FileCheck directive (CHECK, CHECK-NEXT, ...) and how diagnostics name them.

export const CheckKind = {
  plain: "plain",
  next: "next",
  same: "same",
  not: "not",
  dag: "dag",
  label: "label",
  empty: "empty",
  /** The implicit end-of-input check that carries trailing CHECK-DAG/CHECK-NOT. */
  eof: "eof",
} as const;

export type CheckKind = (typeof CheckKind)[keyof typeof CheckKind];

export interface CheckType {
  readonly kind: CheckKind;
  /** CHECK-COUNT-n: how many consecutive matches; 1 otherwise. */
  readonly count: number;
  /** The `{LITERAL}` modifier: the pattern is matched as plain text. */
  readonly literal: boolean;
}

const suffixes: Record<CheckKind, string> = {
  plain: "",
  next: "-NEXT",
  same: "-SAME",
  not: "-NOT",
  dag: "-DAG",
  label: "-LABEL",
  empty: "-EMPTY",
  eof: "",
};

/** FileCheckType::getDescription: `CHECK-NEXT`, `CHECK-COUNT`, `CHECK{LITERAL}`, `implicit EOF`. */
export function describeCheck(type: CheckType, prefix: string): string {
  if (type.kind === "eof") return "implicit EOF";
  const suffix = type.kind === "plain" && type.count > 1 ? "-COUNT" : suffixes[type.kind];
  return `${prefix}${suffix}${type.literal ? "{LITERAL}" : ""}`;
}
