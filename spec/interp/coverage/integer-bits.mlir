// arith.addui_extended (carry at the unsigned wrap, on scalars and vectors), math.ctlz/cttz/ctpop
// (zero, all-ones, negative values, i8 to i64) and vector.bitcast between f32, i16, i8, i64 and f16
// vectors; compared with mlir-runner-22 by coverage.test.ts (mlir-opt-22 lowers n-D vector.bitcast
// to ub.poison, which the oracle's pipeline leaves unlowered: vector-bitcast-2d.mlir covers rows).
func.func @main() {
  %a32 = arith.constant -1 : i32
  %b32 = arith.constant 1 : i32
  %s0, %c0 = arith.addui_extended %a32, %b32 : i32, i1
  vector.print %s0 : i32
  vector.print %c0 : i1
  %big = arith.constant 2147483647 : i32
  %s1, %c1 = arith.addui_extended %big, %b32 : i32, i1
  vector.print %s1 : i32
  vector.print %c1 : i1
  %a64 = arith.constant -5 : i64
  %b64 = arith.constant 4 : i64
  %s2, %c2 = arith.addui_extended %a64, %b64 : i64, i1
  vector.print %s2 : i64
  vector.print %c2 : i1
  %b64b = arith.constant 5 : i64
  %s3, %c3 = arith.addui_extended %a64, %b64b : i64, i1
  vector.print %s3 : i64
  vector.print %c3 : i1
  %va = arith.constant dense<[-128, 127, 100, -1]> : vector<4xi8>
  %vb = arith.constant dense<[-128, 1, 27, 1]> : vector<4xi8>
  %vs, %vc = arith.addui_extended %va, %vb : vector<4xi8>, vector<4xi1>
  vector.print %vs : vector<4xi8>
  vector.print %vc : vector<4xi1>

  %x8 = arith.constant dense<[0, 1, -1, 16, -128, 96]> : vector<6xi8>
  %l8 = math.ctlz %x8 : vector<6xi8>
  %t8 = math.cttz %x8 : vector<6xi8>
  %p8 = math.ctpop %x8 : vector<6xi8>
  vector.print %l8 : vector<6xi8>
  vector.print %t8 : vector<6xi8>
  vector.print %p8 : vector<6xi8>
  %x16 = arith.constant dense<[0, 1, -1, 4096, -32768, 640]> : vector<6xi16>
  %l16 = math.ctlz %x16 : vector<6xi16>
  %t16 = math.cttz %x16 : vector<6xi16>
  %p16 = math.ctpop %x16 : vector<6xi16>
  vector.print %l16 : vector<6xi16>
  vector.print %t16 : vector<6xi16>
  vector.print %p16 : vector<6xi16>
  %x32 = arith.constant dense<[0, 1, -1, 65536, -2147483648, 1000000]> : vector<6xi32>
  %l32 = math.ctlz %x32 : vector<6xi32>
  %t32 = math.cttz %x32 : vector<6xi32>
  %p32 = math.ctpop %x32 : vector<6xi32>
  vector.print %l32 : vector<6xi32>
  vector.print %t32 : vector<6xi32>
  vector.print %p32 : vector<6xi32>
  %x64 = arith.constant dense<[0, 1, -1, 4294967296, -9223372036854775808, 1000000000000]> : vector<6xi64>
  %l64 = math.ctlz %x64 : vector<6xi64>
  %t64 = math.cttz %x64 : vector<6xi64>
  %p64 = math.ctpop %x64 : vector<6xi64>
  vector.print %l64 : vector<6xi64>
  vector.print %t64 : vector<6xi64>
  vector.print %p64 : vector<6xi64>
  %one = arith.constant 1 : i32
  %sl = math.ctlz %one : i32
  %st = math.cttz %a32 : i32
  %sp = math.ctpop %a32 : i32
  vector.print %sl : i32
  vector.print %st : i32
  vector.print %sp : i32

  %f = arith.constant dense<[1.0, -2.5, 0.0, -0.0, 3.14159, 1.0e-40]> : vector<6xf32>
  %h = vector.bitcast %f : vector<6xf32> to vector<12xi16>
  vector.print %h : vector<12xi16>
  %bytes = vector.bitcast %f : vector<6xf32> to vector<24xi8>
  vector.print %bytes : vector<24xi8>
  %back = vector.bitcast %h : vector<12xi16> to vector<6xf32>
  vector.print %back : vector<6xf32>
  %w = arith.constant dense<[-1, 1234567890123]> : vector<2xi64>
  %w8 = vector.bitcast %w : vector<2xi64> to vector<16xi8>
  vector.print %w8 : vector<16xi8>
  %wh = vector.bitcast %w : vector<2xi64> to vector<8xf16>
  vector.print %wh : vector<8xf16>
  %hf = arith.constant dense<[1.5, -65504.0, 0.0999755859375, 2.0]> : vector<4xf16>
  %hi = vector.bitcast %hf : vector<4xf16> to vector<1xi64>
  vector.print %hi : vector<1xi64>
  %by = arith.constant dense<[5, -128]> : vector<2xi8>
  %bits = vector.bitcast %by : vector<2xi8> to vector<16xi1>
  vector.print %bits : vector<16xi1>
  %fromBits = vector.bitcast %bits : vector<16xi1> to vector<4xi4>
  %wide = arith.extsi %fromBits : vector<4xi4> to vector<4xi8>
  vector.print %wide : vector<4xi8>
  return
}
