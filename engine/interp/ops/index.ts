// Loads every dialect's semantics into the table. The semantics live here, in one file per
// dialect, rather than as hooks on the OpDefs: the op definitions are shared by the parser, the
// rule engine and the printer, and must not pull the interpreter's kernels into those tools.
import { defineFallback } from "../semantics.ts";
import "./arith.ts";
import "./arith-extended.ts";
import "./math.ts";
import "./math-bits.ts";
import "./func.ts";
import "./scf.ts";
import "./affine.ts";
import "./memref.ts";
import "./memref-atomic.ts";
import "./memref-view.ts";
import "./memref-dma.ts";
import "./tensor.ts";
import "./bufferization.ts";
import "./vector.ts";
import "./vector-memory.ts";
import "./vector-bitcast.ts";
import "./tosa-elementwise.ts";
import "./tosa-tensor.ts";
import "./tosa-reduce.ts";
import "./tosa-pool.ts";
import "./tosa-rescale.ts";
import "./tosa-control.ts";
import { linalgNamed } from "./linalg.ts";

defineFallback("linalg.", linalgNamed);
