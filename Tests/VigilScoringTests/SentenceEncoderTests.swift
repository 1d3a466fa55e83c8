import Testing
@testable import VigilScoring

/// The shipped encoder against the original model: word pieces as the reference
/// tokenizer (Hugging Face `tokenizers`, the model's tokenizer.json) splits these
/// texts, and vectors as a float32 forward pass of the official weights gives them.
@Suite struct SentenceEncoderTests {
    let encoder: SentenceEncoder

    init() throws {
        encoder = try SentenceEncoder.shipped()
    }

    @Test(arguments: [
        ("Naïve café — über-cool, isn't it?", [101, 15743, 7668, 1517, 19169, 1011, 4658, 1010, 3475, 1005, 1056, 2009, 1029, 102]),
        ("Marguerite Delaunay closed PR #129 ($5)", [101, 15334, 3972, 4887, 16741, 2701, 10975, 1001, 14378, 1006, 1002, 1019, 1007, 102]),
        ("維持者は偏見を持っている", [101, 100, 100, 100, 1672, 100, 1948, 1690, 100, 1663, 30191, 30173, 30213, 102]),
        ("tab\there\u{0}and\u{200B}zero", [101, 21628, 2182, 5685, 6290, 2080, 102]),
    ] as [(String, [Int32])])
    func wordPiecesMatchTheReferenceTokenizer(text: String, expected: [Int32]) {
        #expect(encoder.tokenizer.tokens(text[...], limit: 128) == expected)
    }

    @Test func longTextsAreCutAtTheLimit() {
        let tokens = encoder.tokenizer.tokens(String(repeating: "word ", count: 500)[...], limit: 128)
        #expect(tokens.count == 128)
        #expect(tokens.first == WordPieceTokenizer.classToken && tokens.last == WordPieceTokenizer.separatorToken)
    }

    @Test func vectorsMatchTheOriginalModel() {
        let vector = encoder.embed("This is an example sentence")
        #expect(vector.count == SentenceEncoder.dimensions)
        // The float32 model gives 0.0677 0.0635 0.0487 0.0793 0.0374 0.0027; 8-bit
        // weights move each by a few thousandths.
        for (value, expected) in zip(vector, [0.0677, 0.0635, 0.0487, 0.0793, 0.0374, 0.0027] as [Float]) {
            #expect(abs(value - expected) < 0.006)
        }
        #expect(abs(vector.reduce(0) { $0 + $1 * $1 } - 1) < 1e-4)
    }

    /// Cosine similarities the model's documentation gives for these pairs.
    @Test(arguments: [
        ("The new movie is awesome", "The new movie is so great", 0.8939),
        ("The cat sits outside", "The cat plays in the garden", 0.6788),
        ("I love pasta", "Do you like pizza?", 0.5096),
        ("A man is playing guitar", "A woman watches TV", -0.0327),
    ] as [(String, String, Float)])
    func similaritiesMatchTheModelsDocumentation(first: String, second: String, expected: Float) {
        let a = encoder.embed(first[...])
        let b = encoder.embed(second[...])
        let cosine = zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
        #expect(abs(cosine - expected) < 0.01)
    }

    /// The shipped stance model was fitted with the shipped encoder, which was made
    /// from the pinned official weights.
    @Test func theShippedFilesBelongTogether() throws {
        let pinned = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
        #expect(encoder.sourceDigest == pinned)
        #expect(try SentenceEncoder.shippedSourceDigest() == pinned)
        #expect(try StanceModel.shipped().passageReading?.encoderSource == pinned)
    }

    static func read(_ file: [UInt8]) -> ModelFileError? {
        file.withUnsafeBytes { bytes -> ModelFileError? in
            do {
                _ = try EncoderWeights(bytes: bytes)
                return nil
            } catch {
                return error as? ModelFileError
            }
        }
    }

    @Test func aDamagedFileIsRefused() {
        #expect(Self.read(Array("VGENC001".utf8) + [4, 0, 0, 0] + Array("{}  ".utf8)) != nil)
        #expect(Self.read(Array("VGENC001".utf8) + [200, 0, 0, 0] + Array("{}  ".utf8)) != nil)
        #expect(Self.read(Array("VGENC002".utf8) + [0, 0, 0, 0, 0]) == .notAModel)
    }

    @Test func anEmptyTextHasAVector() {
        let vector = encoder.embed(""[...])
        #expect(vector.count == SentenceEncoder.dimensions)
        #expect(vector.allSatisfy { $0.isFinite })
    }
}
