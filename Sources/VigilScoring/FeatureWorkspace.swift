import Foundation

/// Buffers reused from one text to the next, so scoring a text allocates nothing
/// proportional to the hashed space. One workspace serves one task at a time.
///
/// Text is read one sentence at a time (`FeatureExtractor.readSentence`); a
/// document or a passage is the sum of its sentences' readings in `sum`.
public final class FeatureWorkspace {
    let configuration: FeatureConfiguration
    /// The slot table occurrences are summed against; empty for training, which
    /// collects the occurrences themselves.
    let table: SlotTable
    /// The sum being built: a document, or the passage about one person.
    private(set) var sum = SentenceReading()
    /// The readings of sentences the scorer keeps for the sums of passages.
    var readings: [SentenceReading] = []
    /// What reading a sentence writes, and the text's word slots so far.
    var buffers: SentenceBuffers
    /// Occurrences collected for training.
    var occurrences = NgramOccurrences()
    /// Stylometric values of the statistics last filled in (`fillDense(from:)`).
    var dense: [Double]
    private var summedWords: SeenWords
    private var summedRanges: [Range<Int>] = []

    init(configuration: FeatureConfiguration, table: SlotTable = SlotTable()) {
        self.configuration = configuration
        self.table = table
        dense = [Double](repeating: 0, count: StylometricFeatures.count)
        buffers = SentenceBuffers(hashSize: configuration.hashSize)
        summedWords = SeenWords(size: configuration.hashSize)
    }

    /// Forgets the previous text.
    func beginText() {
        clearSum()
        buffers.wordSlots.removeAll(keepingCapacity: true)
        readings.removeAll(keepingCapacity: true)
        occurrences.removeAll()
    }

    func clearSum() {
        for range in summedRanges { summedWords.remove(buffers.wordSlots[range]) }
        summedRanges.removeAll(keepingCapacity: true)
        sum = SentenceReading()
    }

    /// Whether the sum still takes sentences: once it holds `maxScalars` scalars a
    /// longer text adds little to a bag of n-grams and would make the sum's cost
    /// unbounded. Training and scoring both sum this way.
    var sumTakesMore: Bool { sum.statistics.scalars < configuration.maxScalars }

    /// Adds a sentence's reading to the sum, within the budget of `sumTakesMore`;
    /// distinct words are counted over the sum.
    func addToSum(_ reading: SentenceReading) {
        guard sumTakesMore else { return }
        let distinct = sum.statistics.distinctWords + summedWords.insert(buffers.wordSlots[reading.words])
        summedRanges.append(reading.words)
        sum.sums += reading.sums
        sum.statistics.add(reading.statistics)
        sum.statistics.distinctWords = distinct
    }

    func fillDense(from statistics: TextStatistics) {
        statistics.fill(&dense)
    }
}
