// vector.bitcast on 2-D and 3-D vectors reinterprets each innermost row on its own.
// ORACLE: hand-computed: mlir-opt-22 lowers n-D vector.bitcast to ub.poison plus per-row 1-D
// bitcasts, which the oracle pipeline cannot run; the rows below are the 1-D bitcasts of each row
// that integer-bits.mlir checks against mlir-runner-22 (LLVM's little-endian element order).
// OUT: ( ( 0, 16256, 0, -16352, 0, 0 ), ( 0, -32768, 4048, 16457, 5826, 1 ) )
// OUT: ( ( 1, -2.5, 0 ), ( -0, 3.14159, 9.99995e-41 ) )
// OUT: ( ( ( 1, 0, 1, 0, 0, 0, 0, 0 ) ), ( ( 0, 0, 0, 0, 0, 0, 0, 1 ) ) )
// OUT: ( ( 5, 0 ), ( 0, -8 ) )
func.func @main() {
  %f = arith.constant dense<[[1.0, -2.5, 0.0], [-0.0, 3.14159, 1.0e-40]]> : vector<2x3xf32>
  %h = vector.bitcast %f : vector<2x3xf32> to vector<2x6xi16>
  vector.print %h : vector<2x6xi16>
  %back = vector.bitcast %h : vector<2x6xi16> to vector<2x3xf32>
  vector.print %back : vector<2x3xf32>
  %by = arith.constant dense<[[[5]], [[-128]]]> : vector<2x1x1xi8>
  %bits = vector.bitcast %by : vector<2x1x1xi8> to vector<2x1x8xi1>
  vector.print %bits : vector<2x1x8xi1>
  %b2 = arith.constant dense<[[1, 0, 1, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 1]]> : vector<2x8xi1>
  %n = vector.bitcast %b2 : vector<2x8xi1> to vector<2x2xi4>
  %wide = arith.extsi %n : vector<2x2xi4> to vector<2x2xi8>
  vector.print %wide : vector<2x2xi8>
  return
}
