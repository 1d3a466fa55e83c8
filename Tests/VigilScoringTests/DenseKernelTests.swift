import CDenseKernels
import Foundation
import Testing

/// The encoder's C loops held to plain Swift arithmetic in double precision, each
/// kernel the processor runs, on sizes that take every remainder path.
@Suite struct DenseKernelTests {
    /// A fixed pseudo-random stream, so a failure repeats.
    struct Stream {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        mutating func floats(_ count: Int, spread: Double) -> [Float] {
            (0..<count).map { _ in Float((next() * 2 - 1) * spread) }
        }
    }

    struct Problem {
        var x: [Float], w: [Int8], scales: [Float], bias: [Float]
        var rows: Int, inputs: Int, outputs: Int

        init(rows: Int, inputs: Int, outputs: Int, seed: UInt64) {
            var stream = Stream(state: seed)
            self.rows = rows
            self.inputs = inputs
            self.outputs = outputs
            // Layer-norm outputs are centred; GELU outputs are mostly positive, so
            // half the rows are shifted to take the zero point off the middle.
            x = (0..<rows).flatMap { row in stream.floats(inputs, spread: 2).map { row % 2 == 0 ? $0 : abs($0) - 0.1 } }
            w = (0..<(inputs * outputs)).map { _ in Int8(Int(stream.next() * 255) - 127) }
            scales = stream.floats(outputs, spread: 0.01).map { abs($0) + 0.001 }
            bias = stream.floats(outputs, spread: 1)
        }

        var expected: [Double] {
            (0..<rows).flatMap { row in
                (0..<outputs).map { output in
                    var total = 0.0
                    for index in 0..<inputs {
                        total += Double(x[row * inputs + index]) * Double(w[output * inputs + index])
                    }
                    return Double(bias[output]) + Double(scales[output]) * total
                }
            }
        }

        func run(_ kernel: cdense_kernel) -> [Float] {
            var y = [Float](repeating: .nan, count: rows * outputs)
            cdense_linear_q8_with(
                kernel, x, Int32(rows), Int32(inputs), w, scales, bias, Int32(outputs), &y)
            return y
        }
    }

    @Test(arguments: [(7, 384, 13), (4, 1536, 8), (1, 64, 3), (9, 72, 5)])
    func theFloatKernelsAgreeWithDoublePrecision(rows: Int, inputs: Int, outputs: Int) {
        let problem = Problem(rows: rows, inputs: inputs, outputs: outputs, seed: UInt64(rows * inputs + outputs))
        let expected = problem.expected
        for kernel in [CDENSE_BASELINE, CDENSE_AVX2] where cdense_kernel_runs(kernel) != 0 {
            for (got, want) in zip(problem.run(kernel), expected) {
                #expect(abs(Double(got) - want) <= 1e-4 * max(1, abs(want)), "kernel \(kernel.rawValue)")
            }
        }
    }

    /// With AVX-512 VNNI the input rows are cut to 8 bits as well: each output may
    /// move by a small share of the spread of the outputs, never by more.
    @Test(
        .enabled(if: cdense_kernel_runs(CDENSE_VNNI) != 0, "this processor has no AVX-512 VNNI"),
        arguments: [(7, 384, 13), (4, 1536, 8), (1, 64, 3), (9, 72, 5)])
    func theByteKernelStaysNearDoublePrecision(rows: Int, inputs: Int, outputs: Int) {
        let problem = Problem(rows: rows, inputs: inputs, outputs: outputs, seed: UInt64(rows * inputs + outputs))
        let expected = problem.expected
        let got = problem.run(CDENSE_VNNI)
        let mean = expected.reduce(0, +) / Double(expected.count)
        let spread = (expected.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(expected.count)).squareRoot()
        var worst = 0.0
        for (value, want) in zip(got, expected) { worst = max(worst, abs(Double(value) - want)) }
        #expect(worst <= 0.02 * max(spread, 1e-3), "worst \(worst) against spread \(spread)")
        #expect(worst > 0 || inputs % 64 != 0, "the byte kernel should quantize, not fall back")
    }

    /// A row with NaN or infinity gives what the float loop gives, on every kernel.
    @Test func aRowThatIsNotFiniteGoesThroughTheFloatLoop() {
        for bad in [Float.nan, .infinity] {
            var problem = Problem(rows: 5, inputs: 384, outputs: 6, seed: 3)
            problem.x[2 * 384 + 17] = bad
            let float = problem.run(CDENSE_BASELINE)
            for kernel in [CDENSE_AVX2, CDENSE_VNNI] where cdense_kernel_runs(kernel) != 0 {
                for (got, want) in zip(problem.run(kernel), float) {
                    let same = got == want || (got.isNaN && want.isNaN) || abs(got - want) <= 1e-3 * max(1, abs(want))
                    #expect(same,
                            "kernel \(kernel.rawValue): \(got) against \(want)")
                }
            }
        }
    }

    @Test func geluFollowsTheErrorFunction() {
        var x = stride(from: -8.0, through: 8.0, by: 0.01).map { Float($0) }
        let input = x
        x.withUnsafeMutableBufferPointer { cdense_gelu($0.baseAddress, $0.count) }
        for (value, got) in zip(input, x) {
            let want = 0.5 * Double(value) * (1 + erf(Double(value) / 2.0.squareRoot()))
            #expect(abs(Double(got) - want) <= 1e-6 * max(1, abs(want)), "gelu(\(value))")
        }
    }

    @Test func attentionIsSoftmaxWeightedValues() {
        let rows = 5, hidden = 12, heads = 3, width = hidden / heads
        var stream = Stream(state: 7)
        let query = stream.floats(rows * hidden, spread: 3)
        let key = stream.floats(rows * hidden, spread: 3)
        let value = stream.floats(rows * hidden, spread: 1)
        var context = [Float](repeating: .nan, count: rows * hidden)
        cdense_attention(query, key, value, Int32(rows), Int32(hidden), Int32(heads), &context)
        func at(_ vectors: [Float], _ row: Int, _ head: Int, _ index: Int) -> Double {
            Double(vectors[row * hidden + head * width + index])
        }
        for head in 0..<heads {
            for row in 0..<rows {
                var logits: [Double] = []
                for other in 0..<rows {
                    var dot = 0.0
                    for index in 0..<width { dot += at(query, row, head, index) * at(key, other, head, index) }
                    logits.append(dot / Double(width).squareRoot())
                }
                let top = logits.max()!
                let weights = logits.map { exp($0 - top) }
                let total = weights.reduce(0, +)
                for index in 0..<width {
                    var want = 0.0
                    for other in 0..<rows { want += weights[other] / total * at(value, other, head, index) }
                    #expect(abs(at(context, row, head, index) - want) < 1e-5)
                }
            }
        }
    }
}
