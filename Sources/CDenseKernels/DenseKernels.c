// The loops of the sentence encoder that are worth writing for the machine. Most
// of its arithmetic is the linear layers, on 8-bit weights read in place: widened
// eight at a time and scaled once per output, four input rows sharing each load of
// a weight row, compiled for AVX2 and FMA and for the x86-64 or ARM baseline; on
// processors with AVX-512 VNNI the input is cut to 8 bits too and the bytes are
// multiplied as bytes. The fastest loop the processor runs is chosen at the first
// call. Attention and GELU are here too, so that they run as vector loops.
#include "CDenseKernels.h"

#include <math.h>
#include <stdlib.h>

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

#if defined(__x86_64__)
#include <immintrin.h>

/// The four totals of four vectors' lanes, in one vector.
__attribute__((target("avx512f,avx512bw,avx512vnni"))) static inline __m128i sum4(__m512i a, __m512i b, __m512i c,
                                                                                 __m512i d) {
    __m256i a2 = _mm256_add_epi32(_mm512_castsi512_si256(a), _mm512_extracti64x4_epi64(a, 1));
    __m256i b2 = _mm256_add_epi32(_mm512_castsi512_si256(b), _mm512_extracti64x4_epi64(b, 1));
    __m256i c2 = _mm256_add_epi32(_mm512_castsi512_si256(c), _mm512_extracti64x4_epi64(c, 1));
    __m256i d2 = _mm256_add_epi32(_mm512_castsi512_si256(d), _mm512_extracti64x4_epi64(d, 1));
    __m256i all = _mm256_hadd_epi32(_mm256_hadd_epi32(a2, b2), _mm256_hadd_epi32(c2, d2));
    return _mm_add_epi32(_mm256_castsi256_si128(all), _mm256_extracti128_si256(all, 1));
}

/// The sum of a weight row's bytes.
__attribute__((target("avx512f,avx512bw,avx512vnni"))) static inline int weight_sum(const signed char *w, int in) {
    const __m512i ones = _mm512_set1_epi8(1);
    __m512i sum = _mm512_setzero_si512();
    for (int i = 0; i < in; i += 64) sum = _mm512_dpbusd_epi32(sum, ones, _mm512_loadu_si512(w + i));
    return _mm512_reduce_add_epi32(sum);
}

/// One input row's bytes (unsigned) times one weight row's (signed).
__attribute__((target("avx512f,avx512bw,avx512vnni"))) static inline int byte_dot(const unsigned char *q,
                                                                                    const signed char *w, int in) {
    __m512i a = _mm512_setzero_si512();
    for (int i = 0; i < in; i += 64) a = _mm512_dpbusd_epi32(a, _mm512_loadu_si512(q + i), _mm512_loadu_si512(w + i));
    return _mm512_reduce_add_epi32(a);
}

// With AVX-512 VNNI one instruction does 64 byte multiply-adds, eight times the
// float loop's work, so each input row is itself cut to unsigned bytes, with its
// own step and zero point over a range that always holds 0 (as dynamic
// quantization does): x ~ sx * (q - z), q in 0...255. The instruction multiplies
// unsigned by signed bytes; z times the weight row's sum comes off the total. A
// row that holds NaN or infinity has no range to cut, so then the float loop does
// the whole call, as it would on a processor without VNNI.
__attribute__((target("avx512f,avx512bw,avx512vnni")))
static void linear_vnni(const float *x, int rows, int in, const signed char *w, const float *scales,
                        const float *bias, int out, float *y) {
    if (in % 64) {
        linear_avx2(x, rows, in, w, scales, bias, out, y);
        return;
    }
    unsigned char *q = aligned_alloc(64, (size_t)rows * in + 64);
    float *sx = malloc(sizeof(float) * (size_t)rows);
    int *zr = malloc(sizeof(int) * (size_t)rows);
    if (!q || !sx || !zr) {
        free(q);
        free(sx);
        free(zr);
        linear_avx2(x, rows, in, w, scales, bias, out, y);
        return;
    }
    for (int r = 0; r < rows; r++) {
        const float *xr = x + (long)r * in;
        __m512 low = _mm512_setzero_ps(), high = _mm512_setzero_ps(), poison = _mm512_setzero_ps();
        for (int i = 0; i < in; i += 16) {
            __m512 v = _mm512_loadu_ps(xr + i);
            low = _mm512_min_ps(low, v);
            high = _mm512_max_ps(high, v);
            poison = _mm512_add_ps(poison, _mm512_mul_ps(v, _mm512_setzero_ps()));  // NaN once any is not finite
        }
        if (_mm512_reduce_add_ps(poison) != 0.0f) {
            free(q);
            free(sx);
            free(zr);
            linear_avx2(x, rows, in, w, scales, bias, out, y);
            return;
        }
        float bottom = _mm512_reduce_min_ps(low), top = _mm512_reduce_max_ps(high);
        float step = top > bottom ? (top - bottom) / 255.0f : 1.0f;
        int zero = (int)lrintf(-bottom / step);
        sx[r] = step;
        zr[r] = zero;
        __m512 inverse = _mm512_set1_ps(1.0f / step);
        __m512i shift = _mm512_set1_epi32(zero), floor = _mm512_setzero_si512(), ceiling = _mm512_set1_epi32(255);
        for (int i = 0; i < in; i += 16) {
            __m512i n = _mm512_add_epi32(_mm512_cvtps_epi32(_mm512_mul_ps(_mm512_loadu_ps(xr + i), inverse)), shift);
            n = _mm512_min_epi32(_mm512_max_epi32(n, floor), ceiling);
            _mm_storeu_si128((__m128i *)(q + (long)r * in + i), _mm512_cvtepi32_epi8(n));
        }
    }
    // Two outputs at a time: each load of four input rows serves both weight rows.
    int o = 0;
    for (; o + 2 <= out; o += 2) {
        const signed char *w0 = w + (long)o * in, *w1 = w0 + in;
        const int sum0 = weight_sum(w0, in), sum1 = weight_sum(w1, in);
        const float b0 = bias ? bias[o] : 0, b1 = bias ? bias[o + 1] : 0, k0 = scales[o], k1 = scales[o + 1];
        int r = 0;
        for (; r + 4 <= rows; r += 4) {
            const unsigned char *q0 = q + (long)r * in, *q1 = q0 + in, *q2 = q1 + in, *q3 = q2 + in;
            __m512i a0 = _mm512_setzero_si512(), a1 = a0, a2 = a0, a3 = a0, c0 = a0, c1 = a0, c2 = a0, c3 = a0;
            for (int i = 0; i < in; i += 64) {
                __m512i v0 = _mm512_loadu_si512(w0 + i), v1 = _mm512_loadu_si512(w1 + i);
                __m512i x0 = _mm512_loadu_si512(q0 + i), x1 = _mm512_loadu_si512(q1 + i);
                __m512i x2 = _mm512_loadu_si512(q2 + i), x3 = _mm512_loadu_si512(q3 + i);
                a0 = _mm512_dpbusd_epi32(a0, x0, v0);
                a1 = _mm512_dpbusd_epi32(a1, x1, v0);
                a2 = _mm512_dpbusd_epi32(a2, x2, v0);
                a3 = _mm512_dpbusd_epi32(a3, x3, v0);
                c0 = _mm512_dpbusd_epi32(c0, x0, v1);
                c1 = _mm512_dpbusd_epi32(c1, x1, v1);
                c2 = _mm512_dpbusd_epi32(c2, x2, v1);
                c3 = _mm512_dpbusd_epi32(c3, x3, v1);
            }
            int first[4], second[4];
            _mm_storeu_si128((__m128i *)first, sum4(a0, a1, a2, a3));
            _mm_storeu_si128((__m128i *)second, sum4(c0, c1, c2, c3));
            for (int j = 0; j < 4; j++) {
                y[(long)(r + j) * out + o] = b0 + k0 * sx[r + j] * (float)(first[j] - zr[r + j] * sum0);
                y[(long)(r + j) * out + o + 1] = b1 + k1 * sx[r + j] * (float)(second[j] - zr[r + j] * sum1);
            }
        }
        for (; r < rows; r++) {
            const unsigned char *qr = q + (long)r * in;
            y[(long)r * out + o] = b0 + k0 * sx[r] * (float)(byte_dot(qr, w0, in) - zr[r] * sum0);
            y[(long)r * out + o + 1] = b1 + k1 * sx[r] * (float)(byte_dot(qr, w1, in) - zr[r] * sum1);
        }
    }
    for (; o < out; o++) {
        const signed char *wo = w + (long)o * in;
        const int sum_w = weight_sum(wo, in);
        const float b = bias ? bias[o] : 0, k = scales[o];
        for (int r = 0; r < rows; r++) {
            y[(long)r * out + o] = b + k * sx[r] * (float)(byte_dot(q + (long)r * in, wo, in) - zr[r] * sum_w);
        }
    }
    free(q);
    free(sx);
    free(zr);
}
#endif

typedef void (*linear_fn)(const float *, int, int, const signed char *, const float *, const float *, int, float *);

/// The kernel's loop when the processor runs it, else NULL.
static linear_fn kernel(enum cdense_kernel which) {
#if defined(__x86_64__)
    __builtin_cpu_init();
#endif
    switch (which) {
    case CDENSE_BASELINE: return linear_baseline;
#if defined(__x86_64__)
    case CDENSE_AVX2: return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") ? linear_avx2 : 0;
    case CDENSE_VNNI:
        return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
                       __builtin_cpu_supports("avx512vnni") && __builtin_cpu_supports("avx2") &&
                       __builtin_cpu_supports("fma")
                   ? linear_vnni
                   : 0;
#endif
    default: return 0;
    }
}

int cdense_kernel_runs(enum cdense_kernel which) { return kernel(which) != 0; }

void cdense_linear_q8_with(enum cdense_kernel which, const float *x, int rows, int in, const signed char *w,
                           const float *scales, const float *bias, int out, float *y) {
    linear_fn f = kernel(which);
    if (!f) f = linear_baseline;
    f(x, rows, in, w, scales, bias, out, y);
}

static linear_fn fastest(void) {
    linear_fn f = kernel(CDENSE_VNNI);
    if (!f) f = kernel(CDENSE_AVX2);
    return f ? f : linear_baseline;
}

void cdense_linear_q8(const float *x, int rows, int in, const signed char *w, const float *scales, const float *bias,
                      int out, float *y) {
    // Each thread may race to set it; every racer stores the same pointer.
    static _Atomic(linear_fn) selected = 0;
    linear_fn f = selected;
    if (!f) {
        f = fastest();
        selected = f;
    }
    f(x, rows, in, w, scales, bias, out, y);
}

void cdense_attention(const float *query, const float *key, const float *value, int rows, int hidden, int heads,
                      float *context) {
    const int width = hidden / heads;
    const float scale = 1.0f / sqrtf((float)width);
    float *weights = malloc(sizeof(float) * (size_t)(rows > 0 ? rows : 1));
    if (!weights) abort();
    for (long index = 0; index < (long)rows * hidden; index++) context[index] = 0;
    for (int head = 0; head < heads; head++) {
        const int offset = head * width;
        for (int row = 0; row < rows; row++) {
            const float *q = query + (long)row * hidden + offset;
            float largest = -INFINITY;
            for (int other = 0; other < rows; other++) {
                const float *k = key + (long)other * hidden + offset;
                float dot = 0;
                for (int i = 0; i < width; i++) dot += q[i] * k[i];
                weights[other] = dot * scale;
                if (weights[other] > largest) largest = weights[other];
            }
            float total = 0;
            for (int other = 0; other < rows; other++) {
                weights[other] = expf(weights[other] - largest);
                total += weights[other];
            }
            float *c = context + (long)row * hidden + offset;
            for (int other = 0; other < rows; other++) {
                const float share = weights[other] / total;
                const float *v = value + (long)other * hidden + offset;
                for (int i = 0; i < width; i++) c[i] += share * v[i];
            }
        }
    }
    free(weights);
}

// erf(x) = x P(x^2) / Q(x^2) on [-4, 4] (a least-squares rational fit, within
// 4e-7 of erf in single precision) and +-1 beyond: unlike the library's erff it is
// a few multiply-adds and one division, so the loop runs on vectors.
static inline float rational_erf(float x) {
    x = x < -4.0f ? -4.0f : (x > 4.0f ? 4.0f : x);
    const float z = x * x;
    const float p = ((((2.027286573e-06f * z + 2.861879974e-04f) * z + 3.844706279e-03f) * z + 5.298176302e-02f) * z +
                     1.923081935e-01f) * z + 1.128379046e+00f;
    const float q = ((((3.792855607e-05f * z + 1.181057415e-03f) * z + 1.512442889e-02f) * z + 1.148795358e-01f) * z +
                     5.037605984e-01f) * z + 1.0f;
    const float e = x * p / q;
    return e < -1.0f ? -1.0f : (e > 1.0f ? 1.0f : e);
}

void cdense_gelu(float *x, long count) {
    for (long index = 0; index < count; index++) x[index] = 0.5f * x[index] * (1.0f + rational_erf(x[index] * 0.70710678118654752f));
}
