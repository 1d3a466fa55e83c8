#ifndef CDENSEKERNELS_H
#define CDENSEKERNELS_H

/// y[r][o] = bias[o] + scales[o] * (sum over i of x[r][i] * w[o][i]), for `rows`
/// rows of `x` (each `in` floats) and `out` rows of 8-bit weights `w` (each `in`
/// bytes, as a linear layer stores them, with one scale per row). `in` must be a
/// multiple of 8; `bias` may be NULL. `y` holds rows * out floats and must not
/// overlap `x`.
/// Uses the fastest kernel this processor runs. With AVX-512 VNNI, and `in` a
/// multiple of 64, each row of `x` is also cut to 8 bits (one step and zero point
/// per row), which moves outputs by about a hundredth of their spread; the float
/// kernels differ only in rounding.
void cdense_linear_q8(const float *x, int rows, int in, const signed char *w, const float *scales, const float *bias,
                      int out, float *y);

/// The kernels `cdense_linear_q8` chooses from, fastest last.
enum cdense_kernel { CDENSE_BASELINE = 0, CDENSE_AVX2 = 1, CDENSE_VNNI = 2 };

/// Whether this processor runs `which` (the baseline always runs).
int cdense_kernel_runs(enum cdense_kernel which);

/// `cdense_linear_q8` with the given kernel, or the baseline where it does not run:
/// for tests that hold the kernels to each other.
void cdense_linear_q8_with(enum cdense_kernel which, const float *x, int rows, int in, const signed char *w,
                           const float *scales, const float *bias, int out, float *y);

/// Multi-head self-attention over `rows` positions: `query`, `key` and `value` hold
/// rows * hidden floats, `hidden` splits into `heads` equal parts, and `context`
/// (rows * hidden floats, overwritten) receives each head's softmax-weighted values.
void cdense_attention(const float *query, const float *key, const float *value, int rows, int hidden, int heads,
                      float *context);

/// GELU in place, with the error function (as BERT defines it, not the tanh form).
void cdense_gelu(float *x, long count);

#endif
