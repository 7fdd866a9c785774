// The cf dialect against mlir-opt-22: branches with operands and weights, switch, assert.
import { dialectOracleSuite } from "./oracle-suite.ts";

dialectOracleSuite("cf", {
  "cf.mlir":
    "asm-printer prints `// pred: ^bb3` for a block reached twice from ^bb3; MLIR prints `// 2 preds: ^bb3, ^bb3`",
});
