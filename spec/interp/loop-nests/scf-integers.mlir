// scf.for nests over integers: i32 wrap-around, i64 (BigInt) carried values, unsigned compares,
// selects, scf.if with results and f16/bf16 rounding in carried values.
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %c40 = arith.constant 40 : index
  %big = arith.constant 1000003 : i32
  %seed = arith.constant 7 : i32
  %seed64 = arith.constant 7 : i64
  %mul64 = arith.constant 6364136223846793005 : i64
  %inc64 = arith.constant 1442695040888963407 : i64
  %h0 = arith.constant 0.0 : f16
  %hstep = arith.constant 0.1 : f16
  %b0 = arith.constant 0.0 : bf16
  %bstep = arith.constant 0.3 : bf16
  %r:5 = scf.for %i = %c0 to %c40 step %c3 iter_args(%x = %seed, %y = %seed64, %h = %h0, %b = %b0, %n = %c0) -> (i32, i64, f16, bf16, index) {
    %x1 = arith.muli %x, %big : i32
    %x2 = arith.addi %x1, %seed : i32
    %y1 = arith.muli %y, %mul64 : i64
    %y2 = arith.addi %y1, %inc64 : i64
    %h1 = arith.addf %h, %hstep : f16
    %b1 = arith.addf %b, %bstep : bf16
    %neg = arith.cmpi ult, %x2, %seed : i32
    %pos64 = arith.cmpi sgt, %y2, %seed64 : i64
    %same64 = arith.cmpi eq, %y2, %y : i64
    %both = arith.ori %pos64, %same64 : i1
    %bump = arith.select %both, %c3, %c0 : index
    %n1 = scf.if %neg -> (index) {
      %t = arith.addi %n, %bump : index
      scf.yield %t : index
    } else {
      %inner = scf.for %j = %c0 to %i step %c1 iter_args(%a = %n) -> (index) {
        %q = arith.remui %j, %c3 : index
        %z = arith.cmpi eq, %q, %c0 : index
        %a1 = arith.select %z, %c1, %c0 : index
        %a2 = arith.addi %a, %a1 : index
        %a3 = arith.addi %a2, %bump : index
        scf.yield %a3 : index
      }
      scf.yield %inner : index
    }
    scf.yield %x2, %y2, %h1, %b1, %n1 : i32, i64, f16, bf16, index
  }
  vector.print %r#0 : i32
  vector.print %r#1 : i64
  %hf = arith.extf %r#2 : f16 to f32
  vector.print %hf : f32
  %bf = arith.extf %r#3 : bf16 to f32
  vector.print %bf : f32
  vector.print %r#4 : index
  call @divisions() : () -> ()
  return
}
// Division and remainder by constants (inlined) and by a variable (the helper) over i32 and index.
func.func @divisions() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c20 = arith.constant 20 : index
  %c7 = arith.constant 7 : index
  %m7 = arith.constant -7 : i32
  %p5 = arith.constant 5 : i32
  %init = arith.constant 0 : i32
  %base = arith.constant -40 : i32
  %r:2 = scf.for %i = %c0 to %c20 step %c1 iter_args(%acc = %init, %iacc = %c0) -> (i32, index) {
    %ii = arith.index_cast %i : index to i32
    %x = arith.muli %ii, %p5 : i32
    %y = arith.addi %x, %base : i32
    %a = arith.remsi %y, %m7 : i32
    %b = arith.divsi %y, %m7 : i32
    %c = arith.remui %y, %p5 : i32
    %d = arith.divui %y, %p5 : i32
    %e = arith.floordivsi %y, %m7 : i32
    %f = arith.ceildivsi %y, %p5 : i32
    %g = arith.addi %ii, %p5 : i32
    %h = arith.divsi %y, %g : i32
    %s1 = arith.addi %a, %b : i32
    %s2 = arith.xori %c, %d : i32
    %s3 = arith.addi %e, %f : i32
    %s4 = arith.addi %s1, %s2 : i32
    %s5 = arith.addi %s3, %h : i32
    %s6 = arith.addi %s4, %s5 : i32
    %t = arith.addi %acc, %s6 : i32
    %q = arith.remui %i, %c7 : index
    %w = arith.floordivsi %i, %c7 : index
    %v = arith.addi %q, %w : index
    %u = arith.addi %iacc, %v : index
    scf.yield %t, %u : i32, index
  }
  vector.print %r#0 : i32
  vector.print %r#1 : index
  return
}
