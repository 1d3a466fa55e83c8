import CDenseKernels
import CShippedModels
import Foundation
import Synchronization

/// Turns a sentence into a 384-number vector of what it means (all-MiniLM-L6-v2:
/// six transformer layers, mean of the last layer's token vectors, unit length),
/// so that sentences that say the same thing in other words land close together.
/// The stance reading uses it on the few sentences about a watched person, where
/// word counts do not carry across phrasing they have not seen.
///
/// About 20 million multiply-adds a word piece: a sentence of 30 pieces takes
/// about 3 ms of one core with AVX-512 VNNI, 10 ms with AVX2 alone.
public struct SentenceEncoder: Sendable {
    public static let dimensions = 384

    let weights: EncoderWeights
    let tokenizer: WordPieceTokenizer

    init(weights: EncoderWeights) {
        self.weights = weights
        tokenizer = WordPieceTokenizer(vocabulary: weights.header.vocab)
    }

    /// The encoder compiled into vigil (`Models/sentence-encoder.vge`), read once.
    public static func shipped() throws(ModelFileError) -> SentenceEncoder {
        try ShippedEncoder.shared.get()
    }

    /// The SHA-256 of the official weights these were made from.
    public var sourceDigest: String { weights.header.sourceSHA256 }

    /// `sourceDigest` of the shipped encoder, read from the start of its header
    /// without reading the weights.
    static func shippedSourceDigest() throws(ModelFileError) -> String {
        let file = cshipped_sentence_encoder()
        let start = String(decoding: UnsafeBufferPointer(start: file.bytes, count: min(file.count, 1024)), as: UTF8.self)
        let key = "\"source_sha256\":\""
        guard let found = start.range(of: key), let end = start[found.upperBound...].firstIndex(of: "\"") else {
            throw .invalid("the shipped sentence encoder names no source digest")
        }
        return String(start[found.upperBound..<end])
    }

    /// The unit-length vector of `text`; a text longer than the encoder's limit
    /// (128 word pieces) is read up to it.
    public func embed(_ text: Substring) -> [Float] {
        let ids = tokenizer.tokens(text, limit: weights.header.maxTokens)
        let hidden = weights.header.hidden
        let count = ids.count
        var states = [Float](repeating: 0, count: count * hidden)
        states.withUnsafeMutableBufferPointer { buffer in
            for (position, id) in ids.enumerated() {
                let row = buffer.baseAddress! + position * hidden
                weights.words.add(row: Int(id), into: row)
                for column in 0..<hidden {
                    row[column] += weights.positions[position * hidden + column] + weights.tokenType[column]
                }
            }
        }
        normalise(&states, rows: count, weights.embeddingNorm)
        for layer in weights.layers { apply(layer, to: &states, rows: count) }
        var mean = [Float](repeating: 0, count: hidden)
        for position in 0..<count {
            for column in 0..<hidden { mean[column] += states[position * hidden + column] }
        }
        let length = sqrt(mean.reduce(0) { $0 + $1 * $1 })
        return length > 0 ? mean.map { $0 / length } : mean
    }

    private func apply(_ layer: EncoderWeights.Layer, to states: inout [Float], rows: Int) {
        let hidden = weights.header.hidden
        let query = linear(layer.query, states, rows: rows)
        let key = linear(layer.key, states, rows: rows)
        let value = linear(layer.value, states, rows: rows)
        var context = [Float](repeating: 0, count: rows * hidden)
        query.withUnsafeBufferPointer { q in
            key.withUnsafeBufferPointer { k in
                value.withUnsafeBufferPointer { v in
                    context.withUnsafeMutableBufferPointer { c in
                        cdense_attention(
                            q.baseAddress, k.baseAddress, v.baseAddress, Int32(rows), Int32(hidden),
                            Int32(weights.header.heads), c.baseAddress)
                    }
                }
            }
        }
        var attended = linear(layer.attentionOut, context, rows: rows)
        for index in attended.indices { attended[index] += states[index] }
        normalise(&attended, rows: rows, layer.attentionNorm)
        var expanded = linear(layer.intermediate, attended, rows: rows)
        expanded.withUnsafeMutableBufferPointer { cdense_gelu($0.baseAddress, $0.count) }
        var output = linear(layer.out, expanded, rows: rows)
        for index in output.indices { output[index] += attended[index] }
        normalise(&output, rows: rows, layer.outNorm)
        states = output
    }

    private func linear(_ layer: EncoderWeights.Linear, _ input: [Float], rows: Int) -> [Float] {
        var output = [Float](repeating: 0, count: rows * layer.outputs)
        input.withUnsafeBufferPointer { x in
            layer.bias.withUnsafeBufferPointer { b in
                output.withUnsafeMutableBufferPointer { y in
                    cdense_linear_q8(
                        x.baseAddress, Int32(rows), Int32(layer.inputs), layer.weight.values, layer.weight.scales,
                        b.baseAddress, Int32(layer.outputs), y.baseAddress)
                }
            }
        }
        return output
    }

    private func normalise(_ states: inout [Float], rows: Int, _ norm: EncoderWeights.Norm) {
        let hidden = weights.header.hidden
        let epsilon = Float(weights.header.layerNormEps)
        for row in 0..<rows {
            let start = row * hidden
            var mean: Float = 0
            for column in 0..<hidden { mean += states[start + column] }
            mean /= Float(hidden)
            var variance: Float = 0
            for column in 0..<hidden { variance += (states[start + column] - mean) * (states[start + column] - mean) }
            let scale = 1 / (variance / Float(hidden) + epsilon).squareRoot()
            for column in 0..<hidden {
                states[start + column] = (states[start + column] - mean) * scale * norm.weight[column] + norm.bias[column]
            }
        }
    }
}

/// Reads the shipped encoder the first time it is asked for, once per process:
/// its vocabulary table and small tensors take milliseconds and a few MB that a
/// run which never meets a watched name need not spend.
final class ShippedEncoder: Sendable {
    static let shared = ShippedEncoder()

    private let loaded: Mutex<Result<SentenceEncoder, ModelFileError>?> = Mutex(nil)

    func get() throws(ModelFileError) -> SentenceEncoder {
        let result = loaded.withLock { state in
            if let state { return state }
            let file = cshipped_sentence_encoder()
            let bytes = UnsafeRawBufferPointer(start: file.bytes, count: file.count)
            let made = Result { () throws(ModelFileError) in SentenceEncoder(weights: try EncoderWeights(bytes: bytes)) }
            state = made
            return made
        }
        return try result.get()
    }
}
