/// Copies of sentences' counts kept while a text is read, for the passages about
/// watched people: a passage's features are the sum of its sentences', so its
/// sentences are counted once, when the text is read, and added up afterwards.
struct KeptSentences {
    private struct Entry {
        var words: Range<Int>
        var characters: Range<Int>
        var statistics: TextStatistics
    }

    private var wordSlots: [UInt32] = []
    private var wordCounts: [UInt16] = []
    private var characterSlots: [UInt32] = []
    private var characterCounts: [UInt16] = []
    private var entries: [Entry] = []

    mutating func removeAll() {
        wordSlots.removeAll(keepingCapacity: true)
        wordCounts.removeAll(keepingCapacity: true)
        characterSlots.removeAll(keepingCapacity: true)
        characterCounts.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
    }

    /// Keeps a copy of `sentence` and returns its index here.
    mutating func keep(_ sentence: SentenceCounts) -> Int {
        func copy(_ block: SentenceSlots, slots: inout [UInt32], counts: inout [UInt16]) -> Range<Int> {
            let start = slots.count
            slots.append(contentsOf: block.touched)
            counts.append(contentsOf: block.counts)
            return start..<slots.count
        }
        let words = copy(sentence.words, slots: &wordSlots, counts: &wordCounts)
        let characters = copy(sentence.characters, slots: &characterSlots, counts: &characterCounts)
        entries.append(Entry(words: words, characters: characters, statistics: sentence.statistics))
        return entries.count - 1
    }

    /// Adds the kept sentence `index` to `sum`.
    func add(_ index: Int, to sum: inout FeatureCounts) {
        let entry = entries[index]
        var statistics = entry.statistics
        statistics.distinctWords = 0
        wordSlots.withUnsafeBufferPointer { slots in
            wordCounts.withUnsafeBufferPointer { counts in
                statistics.distinctWords = sum.words.add(
                    slots: UnsafeBufferPointer(rebasing: slots[entry.words]),
                    counts: UnsafeBufferPointer(rebasing: counts[entry.words]))
            }
        }
        characterSlots.withUnsafeBufferPointer { slots in
            characterCounts.withUnsafeBufferPointer { counts in
                _ = sum.characters.add(
                    slots: UnsafeBufferPointer(rebasing: slots[entry.characters]),
                    counts: UnsafeBufferPointer(rebasing: counts[entry.characters]))
            }
        }
        sum.add(statistics: statistics)
    }
}
