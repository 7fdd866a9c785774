// The arith dialect against mlir-opt-22: custom forms of every op, flags, constants' names.
import { dialectOracleSuite } from "./oracle-suite.ts";

dialectOracleSuite("arith");
