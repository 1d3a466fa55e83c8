import Foundation

/// The sentence encoder's weights as `scripts/make-encoder.py` writes them
/// (`sentence-encoder.vge`): the magic `VGENC001`, a little-endian length, a JSON
/// header (sizes, vocabulary, where each tensor lies), then the tensors. Weight
/// matrices are 8-bit with one scale per row and are read in place, from bytes
/// that live as long as the process (the binary's own): the linear layers widen
/// them as they go, and a sentence reads a few dozen of the word embeddings'
/// 30,522 rows. Only the small tensors (biases, norms, positions) are copied.
struct EncoderWeights: Sendable {
    struct Header: Decodable {
        var format: Int
        var sourceSHA256: String
        var hidden: Int
        var layers: Int
        var heads: Int
        var intermediate: Int
        var maxPositions: Int
        var layerNormEps: Double
        var maxTokens: Int
        var vocab: [String]
        var tensors: [Tensor]

        enum CodingKeys: String, CodingKey {
            case format, hidden, layers, heads, intermediate, vocab, tensors
            case sourceSHA256 = "source_sha256", maxPositions = "max_positions", layerNormEps = "layer_norm_eps"
            case maxTokens = "max_tokens"
        }
    }

    struct Tensor: Decodable {
        var name: String
        var kind: String
        var shape: [Int]
        var offset: Int
        var bytes: Int
    }

    /// One transformer layer's parameters.
    struct Layer: Sendable {
        var query: Linear
        var key: Linear
        var value: Linear
        var attentionOut: Linear
        var attentionNorm: Norm
        var intermediate: Linear
        var out: Linear
        var outNorm: Norm
    }

    struct Linear: Sendable {
        var weight: QuantizedRows
        var bias: [Float]
        var inputs: Int { weight.columns }
        var outputs: Int { weight.rows }
    }

    struct Norm: Sendable {
        var weight: [Float]
        var bias: [Float]
    }

    /// 8-bit rows with their scales, read in place from bytes that live for the
    /// whole run (the binary's own, `CShippedModelFile`).
    struct QuantizedRows: @unchecked Sendable {
        let scales: UnsafePointer<Float>
        let values: UnsafePointer<Int8>
        let rows: Int
        let columns: Int

        func add(row: Int, into destination: UnsafeMutablePointer<Float>) {
            let scale = scales[row]
            let start = values + row * columns
            for column in 0..<columns { destination[column] += Float(start[column]) * scale }
        }
    }

    let header: Header
    let words: QuantizedRows
    let positions: [Float]
    let tokenType: [Float]
    let embeddingNorm: Norm
    let layers: [Layer]

    /// Reads weights from `bytes`, which must stay valid and unchanged for as long
    /// as the weights are used (the shipped file does).
    init(bytes: UnsafeRawBufferPointer) throws(ModelFileError) {
        guard bytes.count > 12, Array(bytes[0..<8]) == Array("VGENC001".utf8) else { throw .notAModel }
        let length = Int(bytes.loadUnaligned(fromByteOffset: 8, as: UInt32.self).littleEndian)
        guard 12 + length <= bytes.count else { throw .invalid("sentence encoder header runs past the file") }
        let header: Header
        do {
            header = try JSONDecoder().decode(Header.self, from: Data(bytes[12..<(12 + length)]))
        } catch {
            throw .invalid("sentence encoder header: \(error)")
        }
        guard header.format == 1 else { throw .unsupportedVersion(UInt32(clamping: header.format)) }
        let base = 12 + length
        var tensors: [String: Tensor] = [:]
        for tensor in header.tensors {
            guard tensor.offset >= 0, tensor.bytes >= 0, base + tensor.offset + tensor.bytes <= bytes.count else {
                throw .invalid("tensor \(tensor.name) runs past the file")
            }
            tensors[tensor.name] = tensor
        }
        func tensor(_ name: String, elements: Int? = nil) throws(ModelFileError) -> Tensor {
            guard let tensor = tensors[name] else { throw .invalid("sentence encoder has no tensor \(name)") }
            let count = tensor.shape.reduce(1, *)
            let needed = tensor.kind == "float32" ? 4 * count : 4 * (tensor.shape.first ?? 0) + count
            guard tensor.bytes >= needed, elements.map({ $0 == count }) ?? true else {
                throw .invalid("tensor \(name) has shape \(tensor.shape)")
            }
            return tensor
        }
        func rows(_ name: String, columns: Int) throws(ModelFileError) -> QuantizedRows {
            let found = try tensor(name)
            guard found.kind == "int8-rows", found.shape.count == 2, found.shape[1] == columns else {
                throw .invalid("tensor \(name) is not 8-bit rows of \(columns)")
            }
            let start = bytes.baseAddress! + base + found.offset
            guard Int(bitPattern: start) % MemoryLayout<Float>.alignment == 0 else {
                throw .invalid("tensor \(name) is not aligned")
            }
            return QuantizedRows(
                scales: start.assumingMemoryBound(to: Float.self),
                values: (start + 4 * found.shape[0]).assumingMemoryBound(to: Int8.self),
                rows: found.shape[0], columns: columns)
        }
        func floats(_ name: String, count: Int) throws(ModelFileError) -> [Float] {
            let found = try tensor(name, elements: count)
            if found.kind == "int8-rows" {
                let quantized = try rows(name, columns: count / max(1, found.shape[0]))
                var widened = [Float](repeating: 0, count: count)
                widened.withUnsafeMutableBufferPointer { buffer in
                    for row in 0..<quantized.rows { quantized.add(row: row, into: buffer.baseAddress! + row * quantized.columns) }
                }
                return widened
            }
            guard found.kind == "float32" else { throw .invalid("tensor \(name) has kind \(found.kind)") }
            return (0..<count).map { bytes.loadUnaligned(fromByteOffset: base + found.offset + 4 * $0, as: Float.self) }
        }
        let hidden = header.hidden
        guard hidden > 0, hidden % 8 == 0, header.intermediate % 8 == 0, header.heads > 0, hidden % header.heads == 0,
              header.maxTokens > 2, header.maxTokens <= header.maxPositions, header.vocab.count > Int(WordPieceTokenizer.separatorToken)
        else { throw .invalid("sentence encoder sizes do not fit together") }
        func linear(_ name: String, inputs: Int, outputs: Int) throws(ModelFileError) -> Linear {
            let weight = try rows("\(name).weight", columns: inputs)
            guard weight.rows == outputs else { throw .invalid("tensor \(name).weight has \(weight.rows) rows, expected \(outputs)") }
            return Linear(weight: weight, bias: try floats("\(name).bias", count: outputs))
        }
        func norm(_ name: String) throws(ModelFileError) -> Norm {
            Norm(weight: try floats("\(name).weight", count: hidden), bias: try floats("\(name).bias", count: hidden))
        }
        words = try rows("embeddings.word_embeddings", columns: hidden)
        guard words.rows == header.vocab.count else { throw .invalid("vocabulary and word embeddings differ in size") }
        positions = try floats("embeddings.position_embeddings", count: header.maxPositions * hidden)
        tokenType = Array(try floats("embeddings.token_type_embeddings", count: 2 * hidden).prefix(hidden))
        embeddingNorm = try norm("embeddings.norm")
        var layers: [Layer] = []
        for index in 0..<header.layers {
            let name = "layer\(index)"
            layers.append(Layer(
                query: try linear("\(name).query", inputs: hidden, outputs: hidden),
                key: try linear("\(name).key", inputs: hidden, outputs: hidden),
                value: try linear("\(name).value", inputs: hidden, outputs: hidden),
                attentionOut: try linear("\(name).attention_out", inputs: hidden, outputs: hidden),
                attentionNorm: try norm("\(name).attention_norm"),
                intermediate: try linear("\(name).intermediate", inputs: hidden, outputs: header.intermediate),
                out: try linear("\(name).out", inputs: header.intermediate, outputs: hidden),
                outNorm: try norm("\(name).out_norm")))
        }
        self.layers = layers
        self.header = header
    }
}
