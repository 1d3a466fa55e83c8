import CShippedModels
import Foundation

/// A trained, calibrated linear model over hashed n-grams and stylometric features.
///
/// File format (version 3), little-endian:
///   8 bytes magic `VIGILMDL`, UInt32 format version, UInt32 header length,
///   the header as JSON (``ModelHeader``), then `dimension` Float32 weights, then, when
///   the header says so, `hashSize` Float32 inverse document frequencies.
public struct TextModel: Sendable {
    /// Versions 2 and 3 have version 1's layout, but their features are built
    /// differently: in version 2 a document is the sum of its sentences' counts,
    /// weighted sublinearly and L2-normalised; in version 3 every occurrence counts
    /// and a block is normalised by its occurrences (see `BlockSums`). An older model
    /// would be read with features it never saw, so it is refused (retrain it with
    /// `vigil train`).
    public static let formatVersion: UInt32 = 3
    static let magic = Array("VIGILMDL".utf8)

    public let header: ModelHeader
    public let weights: [Float]
    /// The scale of each hashed slot: its inverse document frequency in the training
    /// data, times its naive-Bayes log-count ratio for models trained with one.
    public let idf: [Float]?
    public let extractor: FeatureExtractor
    /// Per stylometric feature: its weight times the dense scale, its training mean
    /// and the inverse of its deviation (0 for a constant feature), so that a margin
    /// costs a multiply-add per feature.
    private let denseTerms: [SIMD3<Double>]

    public init(header: ModelHeader, weights: [Float], idf: [Float]?) throws(ModelFileError) {
        guard header.inverseDocumentFrequency == (idf != nil), idf.map({ $0.count == header.features.hashSize }) ?? true else {
            throw .invalid("inverse document frequencies do not match the header")
        }
        try header.features.validate()
        guard weights.count == header.features.dimension else {
            throw .invalid("expected \(header.features.dimension) weights, found \(weights.count)")
        }
        guard header.denseNames == StylometricFeatures.names,
              header.denseMean.count == StylometricFeatures.count,
              header.denseDeviation.count == StylometricFeatures.count
        else { throw .invalid("stylometric features do not match this version of vigil") }
        // The slot table converts idf × weight and idf² to 16-bit steps, which a value
        // that is not a finite number cannot take: a damaged file is refused here.
        guard weights.allSatisfy({ $0.isFinite }), header.bias.isFinite,
              (0..<header.features.hashSize).allSatisfy({ slot in
                  let inverse = idf?[slot] ?? 1
                  return (inverse * weights[slot]).isFinite && (inverse * inverse).isFinite
              })
        else { throw .invalid("weights or inverse document frequencies are not finite numbers") }
        self.header = header
        self.weights = weights
        self.idf = idf
        self.extractor = FeatureExtractor(configuration: header.features)
        let base = header.features.hashSize
        denseTerms = (0..<StylometricFeatures.count).map { index in
            let deviation = header.denseDeviation[index]
            return SIMD3(
                Double(weights[base + index]) * header.features.denseScale, header.denseMean[index],
                deviation > 0 && (1 / deviation).isFinite ? 1 / deviation : 0)
        }
    }

    public var task: ScoringTask { header.task }

    /// Buffers for scoring texts with this model alone (builds its slot table).
    public func makeWorkspace() -> FeatureWorkspace {
        FeatureWorkspace(configuration: header.features, table: SlotTable(self))
    }

    /// The uncalibrated decision value of a sum of sentences read against a table
    /// whose first lanes are this model's (`lane` 0) or whose last are (`lane` 1).
    func margin(of reading: SentenceReading, lane: Int, in workspace: FeatureWorkspace) -> Double {
        workspace.fillDense(from: reading.statistics)
        let hashed = reading.sums.margins(header.features)
        return margin(hashed: lane == 0 ? hashed.first : hashed.second, dense: workspace.dense)
    }

    /// The uncalibrated decision value from the hashed part of the margin and the raw
    /// stylometric values.
    func margin(hashed: Double, dense: [Double]) -> Double {
        var sum = header.bias + hashed
        denseTerms.withUnsafeBufferPointer { terms in
            dense.withUnsafeBufferPointer { values in
                for index in 0..<terms.count {
                    let term = terms[index]
                    sum += term.x * min(5, max(-5, (values[index] - term.y) * term.z))
                }
            }
        }
        return sum
    }

    /// The uncalibrated decision value of `text`, read with a workspace from `makeWorkspace()`.
    public func margin(of text: Substring, workspace: FeatureWorkspace) -> Double {
        extractor.extract(text, into: workspace)
        return margin(of: workspace.sum, lane: 0, in: workspace)
    }

    /// The calibrated probability that `text` belongs to the positive class.
    public func probability(of text: Substring, workspace: FeatureWorkspace) -> Double {
        header.calibration.probability(margin: margin(of: text, workspace: workspace))
    }

    public func probability(of text: String) -> Double {
        probability(of: text[...], workspace: makeWorkspace())
    }

    // MARK: files

    public func serialized() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = try encoder.encode(header)
        var data = Data(Self.magic)
        withUnsafeBytes(of: Self.formatVersion.littleEndian) { data.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt32(json.count).littleEndian) { data.append(contentsOf: $0) }
        data.append(json)
        var littleEndian = (weights + (idf ?? [])).map { $0.bitPattern.littleEndian }
        littleEndian.withUnsafeMutableBytes { data.append(contentsOf: $0) }
        return data
    }

    public func write(to path: String) throws {
        try serialized().write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    public init(data: Data) throws(ModelFileError) {
        let bytes = [UInt8](data)
        guard bytes.count >= 16, Array(bytes[0..<8]) == Self.magic else { throw .notAModel }
        func uint32(at offset: Int) -> UInt32 {
            UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
        }
        let version = uint32(at: 8)
        guard version == Self.formatVersion else { throw .unsupportedVersion(version) }
        let headerLength = Int(uint32(at: 12))
        guard headerLength > 0, 16 + headerLength <= bytes.count else { throw .invalid("truncated header") }
        let header: ModelHeader
        do {
            header = try JSONDecoder().decode(ModelHeader.self, from: Data(bytes[16..<(16 + headerLength)]))
        } catch {
            throw .invalid("header: \(error)")
        }
        try header.features.validate()
        let floats = header.features.dimension + (header.inverseDocumentFrequency ? header.features.hashSize : 0)
        let weightBytes = bytes.count - 16 - headerLength
        guard weightBytes == floats * 4 else {
            throw .invalid("expected \(floats) weights, found \(weightBytes) bytes")
        }
        let start = 16 + headerLength
        func read(_ count: Int, from offset: Int) -> [Float] {
            [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
                bytes.withUnsafeBytes { raw in
                    for index in 0..<count {
                        let bits = raw.loadUnaligned(fromByteOffset: offset + index * 4, as: UInt32.self)
                        buffer[index] = Float(bitPattern: UInt32(littleEndian: bits))
                    }
                }
                initialized = count
            }
        }
        let weights = read(header.features.dimension, from: start)
        let idf = header.inverseDocumentFrequency
            ? read(header.features.hashSize, from: start + header.features.dimension * 4) : nil
        try self.init(header: header, weights: weights, idf: idf)
    }

    public init(path: String) throws(ModelFileError) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        try self.init(data: data)
    }

    /// The model vigil ships for `task`, compiled into the binary.
    public static func shipped(_ task: ScoringTask) throws(ModelFileError) -> TextModel {
        let file = switch task {
        case .hostility: cshipped_hostility_model()
        case .agent: cshipped_agent_model()
        }
        return try TextModel(data: Data(shipped: file))
    }

    /// A 64-bit FNV-1a digest of the weights and bias, to check that training is reproducible.
    public var weightsDigest: String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func mix(_ value: UInt32) {
            for shift in stride(from: 0, to: 32, by: 8) {
                hash = (hash ^ UInt64((value >> UInt32(shift)) & 0xFF)) &* 0x0000_0100_0000_01B3
            }
        }
        for weight in weights { mix(weight.bitPattern) }
        for value in idf ?? [] { mix(value.bitPattern) }
        let bias = header.bias.bitPattern
        mix(UInt32(truncatingIfNeeded: bias))
        mix(UInt32(truncatingIfNeeded: bias >> 32))
        return String(hash, radix: 16)
    }
}
