#ifndef CDENSEKERNELS_H
#define CDENSEKERNELS_H

/// y[r][o] = bias[o] + sum over i of x[r][i] * w[o][i], for `rows` rows of `x`
/// (each `in` floats) and `out` rows of `w` (each `in` floats, as a linear layer
/// stores them). `in` must be a multiple of 8. `y` holds rows * out floats and
/// must not overlap `x`.
void cdense_linear(const float *x, int rows, int in, const float *w, const float *bias, int out, float *y);

#endif
