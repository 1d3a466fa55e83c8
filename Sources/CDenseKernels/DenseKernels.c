// The one loop of the sentence encoder that is worth writing for the machine:
// a linear layer, which is nearly all of its arithmetic, on 8-bit weights read in
// place (widened eight at a time, scaled once per output). Four rows of the input
// share each load of a weight row; on processors with AVX2 and FMA (checked once,
// at the first call) the same loop is compiled for them, elsewhere for the
// x86-64 or ARM baseline.
#include "CDenseKernels.h"

typedef float lanes __attribute__((vector_size(32)));
/// The same lanes read from any float's address.
typedef float unaligned_lanes __attribute__((vector_size(32), aligned(4), may_alias));

// Macros rather than functions: a function passing eight-lane vectors would have
// one calling convention with AVX and another without.
#define load(p) (*(const unaligned_lanes *)(p))
/// Eight signed bytes widened to eight floats.
typedef signed char unaligned_bytes __attribute__((vector_size(8), aligned(1), may_alias));
#define load_bytes(p) __builtin_convertvector(*(const unaligned_bytes *)(p), lanes)
#define total(v) (((v)[0] + (v)[4]) + ((v)[1] + (v)[5])) + (((v)[2] + (v)[6]) + ((v)[3] + (v)[7]))

#define LINEAR_BODY(WEIGHT, LOAD_WEIGHT, SCALE)                                                                      \
    int r = 0;                                                                           \
    for (; r + 4 <= rows; r += 4) {                                                      \
        const float *x0 = x + (long)r * in, *x1 = x0 + in, *x2 = x1 + in, *x3 = x2 + in; \
        for (int o = 0; o < out; o++) {                                                  \
            const WEIGHT *wo = w + (long)o * in;                                          \
            lanes a0 = {0}, a1 = {0}, a2 = {0}, a3 = {0};                                \
            for (int i = 0; i < in; i += 8) {                                            \
                lanes wv = LOAD_WEIGHT(wo + i);                                                 \
                a0 += wv * load(x0 + i);                                                 \
                a1 += wv * load(x1 + i);                                                 \
                a2 += wv * load(x2 + i);                                                 \
                a3 += wv * load(x3 + i);                                                 \
            }                                                                            \
            float b = bias ? bias[o] : 0, k = SCALE;                                                \
            y[(long)r * out + o] = b + k * (total(a0));                                        \
            y[(long)(r + 1) * out + o] = b + k * (total(a1));                                  \
            y[(long)(r + 2) * out + o] = b + k * (total(a2));                                  \
            y[(long)(r + 3) * out + o] = b + k * (total(a3));                                  \
        }                                                                                \
    }                                                                                    \
    for (; r < rows; r++) {                                                              \
        const float *xr = x + (long)r * in;                                              \
        for (int o = 0; o < out; o++) {                                                  \
            const WEIGHT *wo = w + (long)o * in;                                          \
            lanes a = {0};                                                               \
            for (int i = 0; i < in; i += 8) a += LOAD_WEIGHT(wo + i) * load(xr + i);            \
            y[(long)r * out + o] = (bias ? bias[o] : 0) + (SCALE) * (total(a));                      \
        }                                                                                \
    }

#define Q8_BODY LINEAR_BODY(signed char, load_bytes, scales[o])

static void linear_baseline(const float *x, int rows, int in, const signed char *w, const float *scales,
                            const float *bias, int out, float *y) {
    Q8_BODY
}

#if defined(__x86_64__)
__attribute__((target("avx2,fma")))
static void linear_avx2(const float *x, int rows, int in, const signed char *w, const float *scales,
                        const float *bias, int out, float *y) {
    Q8_BODY
}
#endif

typedef void (*linear_fn)(const float *, int, int, const signed char *, const float *, const float *, int, float *);

static linear_fn chosen(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return linear_avx2;
#endif
    return linear_baseline;
}

void cdense_linear_q8(const float *x, int rows, int in, const signed char *w, const float *scales, const float *bias,
                      int out, float *y) {
    // Each thread may race to set it; every racer stores the same pointer.
    static _Atomic(linear_fn) selected = 0;
    linear_fn f = selected;
    if (!f) {
        f = chosen();
        selected = f;
    }
    f(x, rows, in, w, scales, bias, out, y);
}
