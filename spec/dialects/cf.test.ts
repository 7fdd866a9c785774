// The cf dialect against mlir-opt-22: branches with operands and weights, switch, assert.
import { dialectOracleSuite } from "./oracle-suite.ts";

dialectOracleSuite("cf", {});
