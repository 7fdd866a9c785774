// The corpus models left out of the CI oracle suites, each with the reason (measured on the 2-core
// development machine); `npm run bench -- run --all` still runs them.
export const tooSlowForCi: Record<string, string> = {
  "next-output.mlir": "a 1024x1536x151936 matmul (239 G multiply-adds) over 0.9 GB of weights: mlir-runner-22 25 minutes, prr 63 s and 4.6 GB",
  "next-lm-head.mlir": "a 1x1536x262144 matmul over 1.6 GB of weights: too large for the test workers (mlir-runner-22 2.0 s, prr 4.9 s)",
  "next-sgemm.mlir": "a dynamic-size 1024x8960x1536 sgemm: mlir-runner-22 about 5 minutes (294 s measured beside a CI run), near the test timeout; prr 4.6 s",
  "next-silu-fusion-test.mlir":
    "cannot be compared: mlir-opt-22's one-shot-bufferize rejects it (RaW conflict on tensor.cast), with either lowering",
};

/** Varied-input harnesses left out of CI (the model itself is compared): the reason. */
export const harnessTooSlowForCi: Record<string, string> = {};
