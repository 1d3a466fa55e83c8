#ifndef CDENSEKERNELS_H
#define CDENSEKERNELS_H

/// y[r][o] = bias[o] + scales[o] * (sum over i of x[r][i] * w[o][i]), for `rows`
/// rows of `x` (each `in` floats) and `out` rows of 8-bit weights `w` (each `in`
/// bytes, as a linear layer stores them, with one scale per row). `in` must be a
/// multiple of 8; `bias` may be NULL. `y` holds rows * out floats and must not
/// overlap `x`.
void cdense_linear_q8(const float *x, int rows, int in, const signed char *w, const float *scales, const float *bias,
                      int out, float *y);

#endif
