// The cf ops of LLVM 22 (assert, br, cond_br with weights, switch) for oracle round trips.
func.func @branches(%c: i1, %a: i32, %f: f32) -> i32 {
  cf.assert %c, "must hold"
  cf.cond_br %c, ^bb1, ^bb2(%a : i32)
^bb1:
  cf.cond_br %c weights([90, 10]), ^bb2(%a : i32), ^bb3(%a, %f : i32, f32)
^bb2(%x: i32):
  cf.br ^bb3(%x, %f : i32, f32)
^bb3(%y: i32, %z: f32):
  cf.switch %y : i32, [
    default: ^bb4,
    0: ^bb5(%y : i32),
    -1: ^bb4,
    42: ^bb5(%a : i32)
  ]
^bb4:
  cf.switch %a : i32, [
    default: ^bb5(%a : i32)
  ]
^bb5(%r: i32):
  cf.br ^bb6 {tag}
^bb6:
  return %r : i32
}
