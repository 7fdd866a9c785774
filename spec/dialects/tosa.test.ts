// tosa against mlir-opt-22: the TOSA conformance chunks and models, plus control flow, shape ops,
// variables and bare enum attributes (`nan_mode = IGNORE`) round-trip through prr.
import * as vitest from "vitest";
import { llvmTool } from "../support/llvm.ts";
import { defineRoundTripSuite } from "./roundtrip.ts";

const cases: Record<string, string> = {
  "control-flow-shapes-variables": `module {
"tosa.variable"() <{sym_name = "v", var_shape = dense<[2]> : tensor<1xindex>, type = f32}> : () -> ()
"tosa.variable"() <{sym_name = "w", var_shape = dense<[2]> : tensor<1xindex>, type = f32, initial_value = dense<1.0> : tensor<2xf32>}> : () -> ()
func.func @f(%c: tensor<i1>, %a: tensor<f32>, %i: tensor<i32>, %v2: tensor<2xf32>) -> tensor<f32> {
  %0 = "tosa.cond_if"(%c, %a, %i) ({
  ^bb0(%x: tensor<f32>, %y: tensor<i32>):
    "tosa.yield"(%x) : (tensor<f32>) -> ()
  }, {
  ^bb0(%x: tensor<f32>, %y: tensor<i32>):
    "tosa.yield"(%x) : (tensor<f32>) -> ()
  }) : (tensor<i1>, tensor<f32>, tensor<i32>) -> tensor<f32>
  %1:2 = "tosa.while_loop"(%a, %i) ({
  ^bb0(%x: tensor<f32>, %y: tensor<i32>):
    %b = "tosa.greater"(%y, %y) : (tensor<i32>, tensor<i32>) -> tensor<i1>
    "tosa.yield"(%b) : (tensor<i1>) -> ()
  }, {
  ^bb0(%x: tensor<f32>, %y: tensor<i32>):
    "tosa.yield"(%x, %y) : (tensor<f32>, tensor<i32>) -> ()
  }) : (tensor<f32>, tensor<i32>) -> (tensor<f32>, tensor<i32>)
  %2 = "tosa.cond_if"(%c) ({
    "tosa.yield"(%a) : (tensor<f32>) -> ()
  }, {
    "tosa.yield"(%a) : (tensor<f32>) -> ()
  }) {foo = 1} : (tensor<i1>) -> tensor<f32>
  %s = "tosa.const_shape"() <{values = dense<[1, 2]> : tensor<2xindex>}> : () -> !tosa.shape<2>
  %s2 = "tosa.add_shape"(%s, %s) : (!tosa.shape<2>, !tosa.shape<2>) -> !tosa.shape<2>
  %s3 = "tosa.concat_shape"(%s, %s) : (!tosa.shape<2>, !tosa.shape<2>) -> !tosa.shape<4>
  %r = "tosa.reshape"(%v2, %s) : (tensor<2xf32>, !tosa.shape<2>) -> tensor<1x2xf32>
  %d = "tosa.dim"(%r) <{axis = 0 : i32}> : (tensor<1x2xf32>) -> !tosa.shape<1>
  %cu = "tosa.custom"(%a) <{domain_name = "d", implementation_attrs = "i", operator_name = "o"}> : (tensor<f32>) -> tensor<f32>
  %vr = "tosa.variable_read"() <{name = "v"}> : () -> tensor<2xf32>
  "tosa.variable_write"(%vr) <{name = "v"}> : (tensor<2xf32>) -> ()
  return %0 : tensor<f32>
}
}
`,
  "enum-attributes": `func.func @f(%a: tensor<2xf32>) {
  %0 = tosa.clamp %a {min_val = 0.0 : f32, max_val = 1.0 : f32, nan_mode = IGNORE} : (tensor<2xf32>) -> tensor<2xf32>
  %2 = tosa.clamp %a {min_val = 0.0 : f32, max_val = 1.0 : f32, nan_mode = #tosa.nan_mode<IGNORE>} : (tensor<2xf32>) -> tensor<2xf32>
  %3 = tosa.clamp %a {min_val = 0.0 : f32, max_val = 1.0 : f32, nan_mode = #tosa.nan_mode<PROPAGATE>, foo = 1} : (tensor<2xf32>) -> tensor<2xf32>
  %4 = tosa.argmax %a {axis = 0 : i32, nan_mode = IGNORE} : (tensor<2xf32>) -> tensor<i32>
  return
}
`,
};

await defineRoundTripSuite(vitest, llvmTool("mlir-opt"), {
  dialect: "tosa",
  cases,
});
