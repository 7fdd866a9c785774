// Every arith op of LLVM 22 in its custom form, with the optional flags, for oracle round trips.
func.func @integer(%a: i32, %b: i32, %i: index, %v: vector<4xi32>, %t: tensor<?xi8>) -> i32 {
  %0 = arith.addi %a, %b : i32
  %1 = arith.addi %a, %b overflow<nsw> : i32
  %2 = arith.subi %v, %v overflow<nuw> : vector<4xi32>
  %3 = arith.muli %i, %i overflow<nsw, nuw> : index
  %4 = arith.shli %a, %b overflow<nsw> : i32
  %5 = arith.divui %a, %b : i32
  %6 = arith.divsi %a, %b exact : i32
  %7 = arith.shrui %a, %b exact : i32
  %8 = arith.shrsi %t, %t : tensor<?xi8>
  %9 = arith.ceildivui %a, %b : i32
  %10 = arith.ceildivsi %a, %b : i32
  %11 = arith.floordivsi %a, %b : i32
  %12 = arith.remui %a, %b : i32
  %13 = arith.remsi %a, %b : i32
  %14 = arith.andi %a, %b : i32
  %15 = arith.ori %a, %b : i32
  %16 = arith.xori %a, %b : i32
  %17 = arith.maxsi %a, %b : i32
  %18 = arith.maxui %a, %b : i32
  %19 = arith.minsi %a, %b : i32
  %20 = arith.minui %a, %b : i32
  %sum, %overflow = arith.addui_extended %a, %b : i32, i1
  %vs:2 = arith.addui_extended %v, %v : vector<4xi32>, vector<4xi1>
  %low, %high = arith.mulsi_extended %a, %b : i32
  %l2:2 = arith.mului_extended %v, %v : vector<4xi32>
  %21 = arith.cmpi slt, %a, %b : i32
  %22 = arith.cmpi uge, %v, %v : vector<4xi32>
  %23 = arith.cmpi eq, %i, %i : index
  %24 = arith.select %21, %a, %b : i32
  %25 = arith.select %22, %v, %v : vector<4xi1>, vector<4xi32>
  %26 = arith.select %21, %v, %v : vector<4xi32>
  %27 = arith.addi %a, %b {tag = "x"} : i32
  %28 = arith.addi %a, %b overflow<nsw> {tag = 1 : i64} : i32
  return %0 : i32
}

func.func @float(%x: f32, %y: f64, %h: f16, %v: vector<2xf32>, %s: f8E8M0FNU, %t: tensor<4xbf16>) {
  %0 = arith.addf %x, %x : f32
  %1 = arith.addf %x, %x fastmath<fast> : f32
  %2 = arith.subf %x, %x fastmath<nnan,ninf> : f32
  %3 = arith.mulf %v, %v fastmath<contract> : vector<2xf32>
  %4 = arith.divf %y, %y : f64
  %5 = arith.remf %x, %x : f32
  %6 = arith.negf %x fastmath<nsz> : f32
  %7 = arith.maximumf %x, %x : f32
  %8 = arith.maxnumf %x, %x : f32
  %9 = arith.minimumf %t, %t : tensor<4xbf16>
  %10 = arith.minnumf %x, %x : f32
  %11 = arith.cmpf oeq, %x, %x : f32
  %12 = arith.cmpf une, %v, %v fastmath<nnan> : vector<2xf32>
  %13 = arith.cmpf false, %x, %x : f32
  %14 = arith.cmpf true, %x, %x : f32
  %15 = arith.addf %x, %x {fastmath = #arith.fastmath<afn>} : f32
  return
}

func.func @casts(%a: i32, %x: f32, %h: f16, %i: index, %v: vector<4xi8>, %s: f8E8M0FNU, %m: memref<4xi32>) {
  %0 = arith.extui %a : i32 to i64
  %1 = arith.extsi %v : vector<4xi8> to vector<4xi32>
  %2 = arith.trunci %a : i32 to i16
  %3 = arith.trunci %a overflow<nsw, nuw> : i32 to i8
  %4 = arith.extf %h : f16 to f32
  %5 = arith.extf %h fastmath<fast> : f16 to f64
  %6 = arith.truncf %x : f32 to f16
  %7 = arith.truncf %x to_nearest_even : f32 to bf16
  %8 = arith.truncf %x toward_zero fastmath<contract> : f32 to f16
  %9 = arith.uitofp %a : i32 to f32
  %10 = arith.sitofp %a : i32 to f64
  %11 = arith.fptoui %x : f32 to i32
  %12 = arith.fptosi %x : f32 to i64
  %13 = arith.index_cast %a : i32 to index
  %14 = arith.index_castui %i : index to i64
  %15 = arith.index_cast %m : memref<4xi32> to memref<4xindex>
  %16 = arith.bitcast %a : i32 to f32
  %17 = arith.scaling_extf %h, %s : f16, f8E8M0FNU to f32
  %18 = arith.scaling_truncf %x, %s : f32, f8E8M0FNU to f16
  %19 = arith.scaling_truncf %x, %s upward fastmath<fast> : f32, f8E8M0FNU to f16
  return
}

func.func @constants() {
  %c0 = arith.constant 0 : index
  %c42 = arith.constant 42 : i32
  %m1 = arith.constant -1 : i8
  %big = arith.constant 255 : i8
  %t = arith.constant true
  %f = arith.constant false
  %x = arith.constant 1.5 : f32
  %nan = arith.constant 0x7FC00000 : f32
  %d = arith.constant dense<[1, 2, 3]> : vector<3xi32>
  %s = arith.constant dense<0.000000e+00> : tensor<2x2xf32>
  %b = arith.constant dense<[true, false]> : vector<2xi1>
  %a = arith.constant {tag} 7 : i64
  return
}
