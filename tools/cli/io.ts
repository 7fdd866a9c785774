// The CLI's window on the world: output streams and files, injectable so tests run `main` in-process.
import * as fs from "node:fs";

export interface Io {
  /** Writes data (IR, reports) to standard output. */
  stdout(text: string): void;
  /**
   * Writes a byte string (each char code 0-255 is one byte) to standard output: a program's own
   * output under `prr run`, which need not be UTF-8 (printMemrefI8 prints raw bytes).
   */
  stdoutBytes?(bytes: string): void;
  /** Writes messages (diagnostics, progress) to standard error. */
  stderr(text: string): void;
  /** Reads a file; `-` is standard input. Throws a NodeJS error on failure. */
  readFile(path: string): string;
  /** Writes a file atomically (temporary file, then rename): never half-written. */
  writeFile(path: string, text: string): void;
  /** Whether stderr is a terminal (colour only then). */
  readonly isTTY: boolean;
  /** The working directory relative paths resolve against. */
  readonly cwd: string;
}

/** The process's real streams and file system. */
export function processIo(): Io {
  return {
    stdout: (t) => writeAll(1, t),
    stdoutBytes: (t) => writeAll(1, t, "latin1"),
    stderr: (t) => writeAll(2, t),
    readFile: (p) => (p === "-" ? fs.readFileSync(0, "utf8") : fs.readFileSync(p, "utf8")),
    writeFile: atomicWrite,
    isTTY: process.stderr.isTTY === true,
    cwd: process.cwd(),
  };
}

function writeAll(fd: number, text: string, encoding: "utf8" | "latin1" = "utf8"): void {
  const buf = Buffer.from(text, encoding);
  let off = 0;
  while (off < buf.length) {
    try {
      off += fs.writeSync(fd, buf, off);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EAGAIN") continue;
      if ((e as NodeJS.ErrnoException).code === "EPIPE") return;
      throw e;
    }
  }
}

export function atomicWrite(path: string, text: string): void {
  if (path === "-") {
    writeAll(1, text);
    return;
  }
  const tmp = `${path}.prr-tmp-${process.pid}`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, path);
}

/** An Io that captures output in memory and reads files from a map (falling back to disk). */
export function memoryIo(
  files: Record<string, string> = {},
  stdin = "",
): Io & {
  out: string;
  err: string;
  written: Record<string, string>;
} {
  const io = {
    out: "",
    err: "",
    written: {} as Record<string, string>,
    stdout(t: string) {
      io.out += t;
    },
    stdoutBytes(t: string) {
      io.out += t;
    },
    stderr(t: string) {
      io.err += t;
    },
    readFile(p: string) {
      if (p === "-") return stdin;
      if (p in io.written) return io.written[p]!;
      if (p in files) return files[p]!;
      return fs.readFileSync(p, "utf8");
    },
    writeFile(p: string, t: string) {
      if (p === "-") io.out += t;
      else io.written[p] = t;
    },
    isTTY: false,
    cwd: process.cwd(),
  };
  return io;
}
