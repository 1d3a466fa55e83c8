/// How text becomes features. It is stored in every model file, so a model is
/// always scored with the features it was trained on.
public struct FeatureConfiguration: Codable, Sendable, Equatable {
    /// The hashed space has `1 << hashBits` slots shared by word and character n-grams.
    public var hashBits: Int
    /// Word n-gram orders, e.g. 1...2.
    public var wordNgramMin: Int
    public var wordNgramMax: Int
    /// Character n-gram orders, e.g. 3...5.
    public var charNgramMin: Int
    public var charNgramMax: Int
    /// Weights of the two hashed blocks after each is L2-normalised.
    public var wordBlockWeight: Double
    public var charBlockWeight: Double
    /// Scale applied to the standardised stylometric features.
    public var denseScale: Double
    /// Only the first this many Unicode scalars of a text are read; longer text adds
    /// little to a bag-of-n-grams and would make scoring time unbounded.
    public var maxScalars: Int

    public init(
        hashBits: Int = 17,
        wordNgramMin: Int = 1, wordNgramMax: Int = 2,
        charNgramMin: Int = 3, charNgramMax: Int = 5,
        wordBlockWeight: Double = 1.0, charBlockWeight: Double = 1.0,
        denseScale: Double = 0.25,
        maxScalars: Int = 20_000
    ) {
        self.hashBits = hashBits
        self.wordNgramMin = wordNgramMin
        self.wordNgramMax = wordNgramMax
        self.charNgramMin = charNgramMin
        self.charNgramMax = charNgramMax
        self.wordBlockWeight = wordBlockWeight
        self.charBlockWeight = charBlockWeight
        self.denseScale = denseScale
        self.maxScalars = maxScalars
    }

    public static let standard = FeatureConfiguration()

    public var hashSize: Int { 1 << hashBits }
    /// Total number of weights: hashed slots followed by the stylometric features.
    public var dimension: Int { hashSize + StylometricFeatures.count }

    /// Checks that a configuration read from a file is one this code can use.
    public func validate() throws(ModelFileError) {
        guard (10...24).contains(hashBits),
              wordNgramMin >= 1, wordNgramMax >= wordNgramMin, wordNgramMax <= 3,
              charNgramMin >= 1, charNgramMax >= charNgramMin, charNgramMax <= 8,
              maxScalars > 0
        else { throw .invalid("feature configuration out of range") }
    }
}
