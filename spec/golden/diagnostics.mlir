// RUN: prr opt %s --split-input-file --verify-diagnostics --allow-unregistered-dialect

func.func @undefined_value() {
  // expected-error@+1 {{use of undeclared SSA value name}}
  "test.use"(%x) : (i32) -> ()
  return
}

// -----

func.func @wrong_return(%a: i32) -> i64 {
  // expected-error@+1 {{type of return operand 0 ('i32') doesn't match function result type ('i64')}}
  return %a : i32
}

// -----

func.func @not_dominating() {
  // expected-error@+1 {{operand #0 does not dominate this use}}
  %0 = arith.addi %1, %1 : i32
  // expected-note@+1 {{operand defined here (op in the same block)}}
  %1 = arith.constant 1 : i32
  return
}

// -----

func.func @segment_sizes_not_adding_up() {
  // expected-error@+1 {{'memref.alloc' op operand count (0) does not match with the total size (1) specified in attribute 'operandSegmentSizes'}}
  %m = "memref.alloc"() {operandSegmentSizes = array<i32: 0, 1>} : () -> memref<100xi32>
  return
}
