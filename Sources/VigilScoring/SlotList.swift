/// One block of hashed n-gram counts (words or characters) as two parallel lists:
/// the slots in the order first touched and their counts. Margins, sums and copies
/// read them in order, never through a table the size of the hashed space.
protocol SlotList {
    /// Touched slots; a word slot may carry `SlotCounts.wordFlag`.
    var touched: [UInt32] { get }
    /// The count of each touched slot, in the same order.
    var counts: [UInt16] { get }
}
