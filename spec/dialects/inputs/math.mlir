// Every math op of LLVM 22 in its custom form, with fastmath flags, for oracle round trips.
func.func @unary(%x: f32, %v: vector<4xf32>, %t: tensor<?xf64>) {
  %0 = math.absf %x : f32
  %1 = math.acos %x : f32
  %2 = math.acosh %x : f32
  %3 = math.asin %x : f32
  %4 = math.asinh %x : f32
  %5 = math.atan %x : f32
  %6 = math.atanh %x : f32
  %7 = math.cbrt %x : f32
  %8 = math.ceil %x : f32
  %9 = math.cos %x fastmath<fast> : f32
  %10 = math.cosh %x : f32
  %11 = math.erf %v : vector<4xf32>
  %12 = math.erfc %x : f32
  %13 = math.exp %t : tensor<?xf64>
  %14 = math.exp2 %x : f32
  %15 = math.expm1 %x : f32
  %16 = math.floor %x : f32
  %17 = math.log %x : f32
  %18 = math.log10 %x : f32
  %19 = math.log1p %x : f32
  %20 = math.log2 %x : f32
  %21 = math.round %x : f32
  %22 = math.roundeven %x : f32
  %23 = math.rsqrt %x fastmath<afn> : f32
  %24 = math.sin %x : f32
  %25 = math.sinh %x : f32
  %26 = math.sqrt %x : f32
  %27 = math.tan %x : f32
  %28 = math.tanh %x : f32
  %29 = math.trunc %x : f32
  return
}

func.func @other(%x: f32, %i: i32, %v: vector<4xf32>, %vi: vector<4xi32>) {
  %0 = math.absi %i : i32
  %1 = math.ctlz %i : i32
  %2 = math.cttz %vi : vector<4xi32>
  %3 = math.ctpop %i : i32
  %4 = math.atan2 %x, %x : f32
  %5 = math.copysign %x, %x fastmath<nnan> : f32
  %6 = math.powf %v, %v : vector<4xf32>
  %7 = math.fma %x, %x, %x : f32
  %8 = math.fma %v, %v, %v fastmath<contract> : vector<4xf32>
  %9 = math.fpowi %x, %i : f32, i32
  %10 = math.fpowi %v, %vi fastmath<fast> : vector<4xf32>, vector<4xi32>
  %11 = math.ipowi %i, %i : i32
  %12 = math.clampf %x to [%x, %x] : f32
  %13 = math.clampf %v to [%v, %v] fastmath<fast> : vector<4xf32>
  %sin, %cos = math.sincos %x : f32
  %s:2 = math.sincos %v fastmath<afn> : vector<4xf32>
  %14 = math.isfinite %x : f32
  %15 = math.isinf %v : vector<4xf32>
  %16 = math.isnan %x {fastmath = #arith.fastmath<nnan>} : f32
  %17 = math.isnormal %x : f32
  return
}
