//===- Formats.h - Dequantization semantics of weight formats ---*- C++ -*-===//
//
// Part of Quench. Pure C++17, no LLVM/MLIR dependency.
//
//===----------------------------------------------------------------------===//
//
// Reference numerics for the weight formats Quench understands: uniform
// affine (block-wise, GPTQ act-order), lookup tables (NF4, FP4 E2M1, FP8),
// additive multi-codebook (AQLM), vector + residual codebooks (VPTQ), the
// QuIP# E8P lattice codebook, and sparse/low-rank corrections (SpQR CSR
// outliers, LLM.int8 outlier columns, BitStack). The MLIR reference lowering
// implements exactly these formulas. All tensors are flat row-major buffers.
// Arithmetic is float32 unless stated otherwise. Bad arguments throw
// std::invalid_argument naming the function and the problem.
//
// Points where the spec had to be made more precise (not deviations for
// well-formed inputs, but written down so the MLIR side can match):
//
//  1. quantizeUniform with a non-integral float zero point: the spec's
//     q = clamp(roundHalfToEven(x/s) + z, qmin, qmax) is then not an integer,
//     so the sum is rounded half-to-even once more before clamping:
//       q = clamp(roundHalfToEven(roundHalfToEven(x/s) + z), qmin, qmax).
//     For integral z (the ONNX case) this is exactly the spec. x/s is a
//     float32 division. A NaN x/s is treated as 0 (q = clamp(z)).
//  2. Group index (act-order): for a rank-2 [N,K] weight with block [B0,B1]
//     the scale index of (n,k) is (n/B0, g[k]); the spec's (n, g[k]) is the
//     B0 = 1 case. The scale tensor keeps its block-derived shape
//     [N/B0, K/B1] and every g[k] must lie in [0, K/B1).
//  3. AQLM codes are read as unsigned B-bit values: the low B bits of each
//     int32 are used, so 16-bit codes stored as int16 (e.g. -1) mean 65535.
//  4. E8P follows the current quip-sharp codebook (E8P12, "version 1", the
//     one built with get_packed_abs_grid); see the E8P section below.
//  5. Bit widths of uniform codes are limited to 1..16.
//
//===----------------------------------------------------------------------===//

#ifndef QUENCH_QUANT_FORMATS_H
#define QUENCH_QUANT_FORMATS_H

#include <array>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace quench::quant {

//===----------------------------------------------------------------------===//
// Uniform affine quantization
//===----------------------------------------------------------------------===//
//
// w = (q - z) * s. Element index i (multi-dim, shape S) uses scale index i/B
// elementwise, B the block shape (each B[d] divides S[d]); the scale tensor
// has shape S/B (row-major). Per-tensor: B = S. Per-channel on axis 0 of
// [N,K]: B = [1, K]. Zero points (optional; empty = 0) have the scale's shape.
// Group index g (optional, length K, rank-2 only): scale index of (n,k) is
// (n/B0, g[k]) instead of (n/B0, k/B1).

/// Round half to even (banker's rounding), independent of the FP environment.
float roundHalfToEven(float x);

/// Code range of a bits-wide integer: signed [-2^(b-1), 2^(b-1)-1],
/// unsigned [0, 2^b-1]. bits in 1..16.
std::pair<int32_t, int32_t> uniformCodeRange(unsigned bits, bool isSigned);

/// Flat index into the scale tensor (shape S/B) of flat element `flat`:
///   idx = unflatten(flat, S); sidx[d] = idx[d] / B[d]
///   (with groupIndex: sidx = (idx[0]/B[0], g[idx[1]]))
/// Validates shape/block/groupIndex like dequantizeUniform.
int64_t blockScaleIndex(int64_t flat, const std::vector<int64_t> &shape,
                        const std::vector<int64_t> &block,
                        const std::vector<int64_t> &groupIndex = {});

/// w[i] = (q[i] - z[si]) * s[si], si = blockScaleIndex(i).
std::vector<float> dequantizeUniform(
    const std::vector<int32_t> &codes, const std::vector<int64_t> &shape,
    const std::vector<int64_t> &block, const std::vector<float> &scales,
    const std::vector<float> &zeroPoints = {},
    const std::vector<int64_t> &groupIndex = {});

/// q[i] = clamp(roundHalfToEven(x[i] / s[si]) + z[si], qmin, qmax), as ONNX
/// QuantizeLinear (see note 1 for float zero points).
std::vector<int32_t> quantizeUniform(
    const std::vector<float> &values, const std::vector<int64_t> &shape,
    const std::vector<int64_t> &block, const std::vector<float> &scales,
    unsigned bits, bool isSigned, const std::vector<float> &zeroPoints = {},
    const std::vector<int64_t> &groupIndex = {});

//===----------------------------------------------------------------------===//
// Lookup tables: w = table[q] * s[block]
//===----------------------------------------------------------------------===//

/// NF4 (QLoRA): 16 normal-float quantiles, code 7 = 0.0, code 15 = 1.0.
const std::array<float, 16> &nf4Table();

/// FP4 E2M1 (OCP MX): code bit 3 = sign, bits 2..1 = exponent (bias 1),
/// bit 0 = mantissa. Codes 0..7: 0, 0.5, 1, 1.5, 2, 3, 4, 6; codes 8..15 the
/// negatives (code 8 = -0.0).
const std::array<float, 16> &fp4E2M1Table();

/// argmin_i |x - table[i]| over i < n, ties to the lower code; NaN -> 0.
/// n in 1..256.
uint8_t nearestTableCode(float x, const float *table, size_t n);

/// w[i] = table[q[i]] * s[si], si = blockScaleIndex(i); q in [0, tableSize).
std::vector<float> dequantizeLookup(const std::vector<int32_t> &codes,
                                    const float *table, size_t tableSize,
                                    const std::vector<int64_t> &shape,
                                    const std::vector<int64_t> &block,
                                    const std::vector<float> &scales);

/// q[i] = nearestTableCode(x[i] / s[si], table, tableSize).
std::vector<int32_t> quantizeLookup(const std::vector<float> &values,
                                    const float *table, size_t tableSize,
                                    const std::vector<int64_t> &shape,
                                    const std::vector<int64_t> &block,
                                    const std::vector<float> &scales);

/// OCP FP8 formats.
enum class Fp8Format { E4M3FN, E5M2 };

/// E4M3FN: sign bit 7, exponent bits 6..3 (bias 7), mantissa bits 2..0.
///   e == 0: (-1)^s * m/8 * 2^-6;  else (-1)^s * (1 + m/8) * 2^(e-7);
///   S.1111.111 = NaN (no infinities); max finite 448.
float decodeFp8E4M3FN(uint8_t bits);

/// E5M2: sign bit 7, exponent bits 6..2 (bias 15), mantissa bits 1..0.
///   e == 0: (-1)^s * m/4 * 2^-14;  e == 31: m == 0 ? +-Inf : NaN;
///   else (-1)^s * (1 + m/4) * 2^(e-15); max finite 57344.
float decodeFp8E5M2(uint8_t bits);

/// table[b] = decode(b) for all 256 byte values.
std::array<float, 256> fp8Table(Fp8Format format);

//===----------------------------------------------------------------------===//
// Additive multi-codebook (AQLM)
//===----------------------------------------------------------------------===//

/// Weight [N,K], vector dim g (g | K), M codebooks of 2^B entries of
/// dimension g: codebooks [M][2^B][g], codes [N][K/g][M] (unsigned B-bit,
/// B in 1..16, see note 3), scales [N]:
///   w[n][k] = s[n] * sum_m C[m][codes[n][k/g][m]][k%g]
std::vector<float> dequantizeAdditive(const std::vector<int32_t> &codes,
                                      const std::vector<float> &codebooks,
                                      const std::vector<float> &scales,
                                      int64_t N, int64_t K, int64_t groupSize,
                                      int64_t numCodebooks, unsigned codeBits);

//===----------------------------------------------------------------------===//
// Vector + residual codebooks (VPTQ)
//===----------------------------------------------------------------------===//

/// Vector length v (v | K), centroids C [numCentroids][v] (numCentroids =
/// centroids.size()/v), indices [N][K/v]; optional residual centroids R and
/// residual indices [N][K/v]; optional column scale cs[K] and bias cb[K]:
///   w[n][k] = (C[idx[n][k/v]][k%v] + R[ridx[n][k/v]][k%v]) * cs[k] + cb[k]
/// Absent (empty) terms are 0 / 1 / 0. Residual centroids and residual
/// indices must be both present or both absent.
std::vector<float>
dequantizeVector(const std::vector<int32_t> &indices,
                 const std::vector<float> &centroids, int64_t N, int64_t K,
                 int64_t vectorLength,
                 const std::vector<int32_t> &residualIndices = {},
                 const std::vector<float> &residualCentroids = {},
                 const std::vector<float> &columnScale = {},
                 const std::vector<float> &columnBias = {});

//===----------------------------------------------------------------------===//
// E8P lattice codebook (QuIP#)
//===----------------------------------------------------------------------===//
//
// Source: Tseng et al. 2024, "QuIP#: Even Better LLM Quantization with
// Hadamard Incoherence and Lattice Codebooks" (E8P section), and the layout
// of the current reference implementation, Cornell-RelaxML/quip-sharp
// lib/codebook/latticee8_padded12.py (E8P12_codebook, version 1:
// get_packed_abs_grid / get_full_grid). Re-implemented here from that
// description.
//
// Each 16-bit code decodes to 8 weights, a point of E8 + 1/4 (or E8 - 1/4).
//
// Source table A (256 x 8, e8pAbsGrid()), all entries positive halves:
//   rows 0..226:   every vector in {1/2, 3/2, 5/2, 7/2}^8 with squared norm
//                  <= 10 (the absolute values of D8^ = D8 + 1/2 within the
//                  ball of radius sqrt(10)), sorted lexicographically
//                  ascending by (a0, a1, ..., a7). Row 0 = all 1/2,
//                  row 1 = (1/2 x7, 3/2), row 226 = (5/2, 3/2, 1/2 x6).
//   rows 227..255: 29 vectors with five 3/2 and three 1/2 (squared norm 12),
//                  in the fixed reference order listed in Formats.cpp.
//
// Decode of code c (bit 15 = most significant):
//   a     = c >> 8              (bits 15..8: row of A)
//   b     = c & 0xFF            (bits 7..0: sign byte)
//   par   = popcount(b) & 1     (parity of the sign byte)
//   s     = b ^ par             (par toggles bit 0 only)
//   odd   = (a0 + ... + a7 of row a) is odd   (the sum is an integer)
//   for i in 0..7:
//     v_i = A[a][i]
//     if i == 7 and odd:            v_i = -v_i
//     if (s >> sigma(i)) & 1:       v_i = -v_i
//     out_i = v_i + (par ? -1/4 : +1/4)
//   with sigma = {0, 4, 1, 5, 2, 6, 3, 7}: weight i takes its sign from bit
//   sigma(i) of s, i.e. bit0->w0, bit1->w2, bit2->w4, bit3->w6, bit4->w1,
//   bit5->w3, bit6->w5, bit7->w7.
//
// Equivalently (the paper's view: 8 bits of abs index, 7 sign bits, 1 shift
// bit, 8th sign from parity): bits 7..1 are the free signs of w7, w5, w3, w1,
// w6, w4, w2; the sign of w0 is the parity of bits 7..1 (so s always
// has an even number of set bits); w7 gets one extra flip when the row sum is odd; together
// the signed vector always has an even coordinate sum, i.e. lies in
// D8 + 1/2 subset of E8. The shift is -1/4 iff popcount(b) is odd. For an
// integer-only lowering, e8pParityAdjustedGrid() is A with the "odd" flip of
// w7 already applied, so out_i = sign_i * T[a][i] + shift, where sign_i is
// from bit sigma(i) of s.
//
// Checkpoint storage: quip-sharp stores Qidxs as int64 words packing four
// codes each (E8P12_codebook.maybe_pack_idxs); unpackQuipSharpE8P recovers
// the [N][K/8] uint16 codes from them. The older quip-sharp E8P layout
// (bits 15..8 abs, 7..1 signs, bit 0 shift, codes stored minus 32768) and its
// table (which had a duplicated row 254) are not supported.

/// The 256 source vectors A in reference order (see above).
const std::vector<std::array<float, 8>> &e8pAbsGrid();

/// A with element 7 negated in rows whose coordinate sum is odd.
const std::vector<std::array<float, 8>> &e8pParityAdjustedGrid();

/// Decodes one 16-bit E8P code to its 8 weights (see above).
std::array<float, 8> decodeE8P(uint16_t code);

/// codes [N][K/8] (K % 8 == 0): w[n][8j + i] = scale * decodeE8P(c[n][j])[i].
std::vector<float> dequantizeE8P(const std::vector<uint16_t> &codes,
                                 float scale, int64_t N, int64_t K);

/// Inverse of quip-sharp's maybe_pack_idxs: `packed` has N*K/32 int64 words
/// (N % 16 == 0, K % 64 == 0); returns codes [N][K/8]. With n = K/8 code
/// columns, word w = ((A*(n/8) + B)*8 + a)*4 + b holds the 2x2 code block
/// rows 2R, 2R+1, columns 2C, 2C+1 with R = 8A + a, C = 4B + b; its four
/// codes t = 0..3 are (row 2R + t%2, column 2C + t/2). Bits [8t, 8t+8) of the
/// word hold code t's high byte; bit 32 + 4j + t holds bit j of code t's low
/// byte.
std::vector<uint16_t> unpackQuipSharpE8P(const std::vector<int64_t> &packed,
                                         int64_t N, int64_t K);

/// quip-sharp's maybe_pack_idxs: codes [N][K/8] -> N*K/32 int64 words.
std::vector<int64_t> packQuipSharpE8P(const std::vector<uint16_t> &codes,
                                      int64_t N, int64_t K);

//===----------------------------------------------------------------------===//
// Sparse and low-rank corrections
//===----------------------------------------------------------------------===//

/// SpQR outliers: W = base + S, S in CSR form (rowPtr [N+1] starting at 0 and
/// non-decreasing, colIdx/values [nnz] with nnz = rowPtr[N], 0 <= col < K):
///   W[n][colIdx[e]] += values[e] for rowPtr[n] <= e < rowPtr[n+1]
/// (duplicate entries accumulate).
std::vector<float> addCsr(const std::vector<float> &base, int64_t N, int64_t K,
                          const std::vector<int64_t> &rowPtr,
                          const std::vector<int64_t> &colIdx,
                          const std::vector<float> &values);

/// LLM.int8 outlier columns: W = base except W[n][cols[j]] = values[n][j]
/// (values [N][J], cols [J] distinct, 0 <= cols[j] < K).
std::vector<float> replaceColumns(const std::vector<float> &base, int64_t N,
                                  int64_t K, const std::vector<int64_t> &cols,
                                  const std::vector<float> &values);

/// BitStack: L levels of rank r. signs [L][N][ceil(K/8)] bytes, bit (k%8)
/// (LSB first) of byte k/8 set means -1; u [L][N][r], v [L][r][K]:
///   W[n][k] = sum_l sign_l(n,k) * sum_j u[l][n][j] * v[l][j][k]
std::vector<float> dequantizeBitStack(const std::vector<uint8_t> &signs,
                                      const std::vector<float> &u,
                                      const std::vector<float> &v,
                                      int64_t levels, int64_t N, int64_t K,
                                      int64_t rank);

} // namespace quench::quant

#endif // QUENCH_QUANT_FORMATS_H
