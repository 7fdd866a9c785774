// The corpus models left out of the CI oracle suites, each with the reason (measured on the 2-core
// development machine); `npm run bench -- run --all` still runs them.
export const tooSlowForCi: Record<string, string> = {
  "next-output.mlir": "a 1024x1536x151936 matmul (239 G multiply-adds) over 0.9 GB of weights",
  "next-reshape.mlir": "a 1024x1536x8960 matmul (14 G multiply-adds): minutes under mlir-runner-22",
  "next-lm-head.mlir": "a 1x1536x262144 matmul over 1.6 GB of weights: too large for the test workers (mlir-runner-22 1.4 s, prr 2.9 s)",
  "next-matmul-transpose.mlir": "a 1024x1536x1536 matmul: mlir-runner-22 25 s, prr 13 s",
  "next-mhsa-qkv.mlir": "1024x1536x1536 projections: mlir-runner-22 24 s, prr 20 s",
  "next-sgemm.mlir": "mlir-runner-22 does not finish within 10 minutes (dynamic-size sgemm)",
  "next-sgemm-unroll-vec-fixed.mlir": "a 1024x1536x8960 sgemm (14 G multiply-adds) in vector<32xf32> fmas: mlir-runner-22 2.6 s, prr 38 s",
  "next-silu-fusion-test.mlir":
    "cannot be compared: mlir-opt-22's one-shot-bufferize rejects it (RaW conflict on tensor.cast), with either lowering",
};

/** Varied-input harnesses left out of CI (the model itself is compared): the reason. */
export const harnessTooSlowForCi: Record<string, string> = {};
