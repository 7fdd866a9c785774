// Fused multiply-add rounds once (LLVM lowers vector.fma and math.fma to llvm.fma): products of
// f32 values that land on a midpoint of f32, nudged off it by a tiny addend, where rounding the
// double sum first would tie to even the wrong way. Printed as bits.
func.func @main() {
  %a = arith.constant dense<[0x3F800800, 0x3F800800, 0x3F800800, 0x3F800800, 0x3F801800, 0x3F801800, 0x3F802800, 0x3F802800, 0x3F803800, 0x3F803800, 0x3F804800, 0x3F804800, 0x3F801800, 0x3F801800, 0x3F800800, 0x3F800800, 0xBF800800, 0x40400C00]> : vector<18xf32>
  %b = arith.constant dense<[0x3F800800, 0x3F800800, 0x3F801800, 0x3F801800, 0x3F802800, 0x3F802800, 0x3F803800, 0x3F803800, 0x3F804800, 0x3F804800, 0x3F805800, 0x3F805800, 0x3F801800, 0x3F801800, 0x3F802800, 0x3F802800, 0x3F800800, 0x3F801800]> : vector<18xf32>
  %c = arith.constant dense<[0x21800000, 0xA1800000, 0x21800000, 0xA1800000, 0x21800000, 0xA1800000, 0x21800000, 0xA1800000, 0x21800000, 0xA1800000, 0x21800000, 0xA1800000, 0x21800000, 0xA1800000, 0x21800000, 0xA1800000, 0x1C800000, 0xA2800000]> : vector<18xf32>
  %v = vector.fma %a, %b, %c : vector<18xf32>
  %vb = arith.bitcast %v : vector<18xf32> to vector<18xi32>
  vector.print %vb : vector<18xi32>
  %m = math.fma %a, %b, %c : vector<18xf32>
  %mb = arith.bitcast %m : vector<18xf32> to vector<18xi32>
  vector.print %mb : vector<18xi32>
  %a0 = vector.extract %a[0] : f32 from vector<18xf32>
  %b0 = vector.extract %b[0] : f32 from vector<18xf32>
  %c0 = vector.extract %c[0] : f32 from vector<18xf32>
  %s0 = math.fma %a0, %b0, %c0 : f32
  %sb0 = arith.bitcast %s0 : f32 to i32
  vector.print %sb0 : i32
  %a1 = vector.extract %a[1] : f32 from vector<18xf32>
  %b1 = vector.extract %b[1] : f32 from vector<18xf32>
  %c1 = vector.extract %c[1] : f32 from vector<18xf32>
  %s1 = math.fma %a1, %b1, %c1 : f32
  %sb1 = arith.bitcast %s1 : f32 to i32
  vector.print %sb1 : i32
  %a6 = vector.extract %a[6] : f32 from vector<18xf32>
  %b6 = vector.extract %b[6] : f32 from vector<18xf32>
  %c6 = vector.extract %c[6] : f32 from vector<18xf32>
  %s6 = math.fma %a6, %b6, %c6 : f32
  %sb6 = arith.bitcast %s6 : f32 to i32
  vector.print %sb6 : i32
  %a7 = vector.extract %a[7] : f32 from vector<18xf32>
  %b7 = vector.extract %b[7] : f32 from vector<18xf32>
  %c7 = vector.extract %c[7] : f32 from vector<18xf32>
  %s7 = math.fma %a7, %b7, %c7 : f32
  %sb7 = arith.bitcast %s7 : f32 to i32
  vector.print %sb7 : i32
  %a17 = vector.extract %a[17] : f32 from vector<18xf32>
  %b17 = vector.extract %b[17] : f32 from vector<18xf32>
  %c17 = vector.extract %c[17] : f32 from vector<18xf32>
  %s17 = math.fma %a17, %b17, %c17 : f32
  %sb17 = arith.bitcast %s17 : f32 to i32
  vector.print %sb17 : i32
  return
}
