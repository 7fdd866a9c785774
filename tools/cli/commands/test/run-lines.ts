// `RUN:` lines of a test file: extraction with `\` continuations, lit's `%s`/`%S`/`%t` substitutions,
// and splitting into pipeline stages of shell words.

export interface RunLine {
  /** 1-based line of the first `RUN:` of the command. */
  readonly line: number;
  /** 1-based column where the command starts on that line. */
  readonly column: number;
  /** That line's text, for diagnostics. */
  readonly source: string;
  /** The command text after `RUN:`, continuations joined, before substitution. */
  readonly command: string;
}

/** One stage of a pipeline: its words and whether `2>&1` merges its stderr into its stdout. */
export interface Stage {
  readonly argv: readonly string[];
  readonly mergeStderr: boolean;
}

export class RunLineError extends Error {}

const runKeyword = /(?<![\w-])RUN:(.*)$/;

/** The RUN commands of `text`, in order. Throws RunLineError on a dangling `\` continuation. */
export function extractRunLines(text: string): RunLine[] {
  const out: RunLine[] = [];
  let pending: RunLine | undefined;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const source = lines[i]!.replace(/\r$/, "");
    const m = runKeyword.exec(source);
    if (!m) {
      if (pending)
        throw new RunLineError(`line ${pending.line}: RUN line ends with '\\' but the next line has no RUN:`);
      continue;
    }
    const content = m[1]!.trim();
    const start = pending ?? { line: i + 1, column: source.length - m[1]!.trimStart().length + 1, source, command: "" };
    const command = pending ? `${pending.command.trimEnd()} ${content}` : content;
    if (command.endsWith("\\")) pending = { ...start, command: command.slice(0, -1) };
    else {
      pending = undefined;
      out.push({ ...start, command: command.trim() });
    }
  }
  if (pending) throw new RunLineError(`line ${pending.line}: RUN line ends with '\\' at end of file`);
  return out;
}

export interface Substitutions {
  /** `%s`: the test file. */
  readonly file: string;
  /** `%S` and `%p`: its directory. */
  readonly dir: string;
  /** `%t`: a temporary path unique to the file (computed only when used). */
  readonly temp: () => string;
}

/** Applies lit's substitutions; `%%` is a literal `%`. Unknown `%x` are left as they are. */
export function substitute(command: string, subs: Substitutions): string {
  return command.replace(/%(%|s|S|p|t|T)/g, (whole, key: string) => {
    switch (key) {
      case "%":
        return "%";
      case "s":
        return subs.file;
      case "S":
      case "p":
        return subs.dir;
      case "t":
        return subs.temp();
      case "T":
        return parentDir(subs.temp());
      default:
        return whole;
    }
  });
}

function parentDir(p: string): string {
  const i = p.lastIndexOf("/");
  return i <= 0 ? "." : p.slice(0, i);
}

/** Splits `cmd1 | cmd2 2>&1 | ...` into stages. Throws RunLineError on shell syntax prr does not run. */
export function splitPipeline(command: string): Stage[] {
  const stages: Stage[] = [];
  let argv: string[] = [];
  let merge = false;
  const endStage = () => {
    if (argv.length === 0) throw new RunLineError(`empty command in pipeline '${command}'`);
    stages.push({ argv, mergeStderr: merge });
    argv = [];
    merge = false;
  };
  for (const token of tokenize(command)) {
    if (token.kind === "word") argv.push(token.text);
    else if (token.text === "|") endStage();
    else if (token.text === "2>&1") merge = true;
    else throw new RunLineError(`unsupported shell syntax '${token.text}' (prr test runs pipelines: cmd | cmd)`);
  }
  endStage();
  return stages;
}

type Token = { readonly kind: "word" | "operator"; readonly text: string };

const operators = ["2>&1", "&&", "||", ">>", "2>", "|", ";", "&", ">", "<", "(", ")", "`", "$("];

function tokenize(command: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = command.length;
  while (i < n) {
    const c = command[i]!;
    if (c === " " || c === "\t") {
      i++;
      continue;
    }
    const op = operators.find((o) => command.startsWith(o, i));
    if (op) {
      tokens.push({ kind: "operator", text: op });
      i += op.length;
      continue;
    }
    let word = "";
    while (
      i < n &&
      command[i] !== " " &&
      command[i] !== "\t" &&
      !operators.some((o) => command.startsWith(o, i) && o !== "2>&1" && o !== "2>")
    ) {
      const ch = command[i]!;
      if (ch === "'") {
        const end = command.indexOf("'", i + 1);
        if (end === -1) throw new RunLineError(`unterminated ' in '${command}'`);
        word += command.slice(i + 1, end);
        i = end + 1;
      } else if (ch === '"') {
        i++;
        while (i < n && command[i] !== '"') {
          if (command[i] === "\\" && i + 1 < n && '"\\$`'.includes(command[i + 1]!)) i++;
          word += command[i++];
        }
        if (i >= n) throw new RunLineError(`unterminated " in '${command}'`);
        i++;
      } else if (ch === "\\" && i + 1 < n) {
        word += command[i + 1];
        i += 2;
      } else if (ch === "$") {
        throw new RunLineError(`unsupported shell expansion '$' in '${command}'`);
      } else {
        word += ch;
        i++;
      }
    }
    tokens.push({ kind: "word", text: word });
  }
  return tokens;
}
