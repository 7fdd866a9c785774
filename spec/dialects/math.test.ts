// The math dialect against mlir-opt-22: custom forms of every op with and without fastmath.
import { dialectOracleSuite } from "./oracle-suite.ts";

dialectOracleSuite("math");
