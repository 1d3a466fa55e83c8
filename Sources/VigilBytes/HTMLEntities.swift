/// The named character references of HTML (the full WHATWG list), shared by the
/// HTML-to-text extractor and the feed parser: feeds put HTML entities inside XML,
/// and a reader that drops them loses apostrophes, dashes and names.
///
/// Names ending in ";" are the standard form; the few legacy names without ";"
/// are kept because old HTML (and feeds embedding it) still uses them. The list
/// is data, `HTMLEntities.txt`, written by `scripts/generate-entities.py` from
/// WHATWG's `entities.json` and compiled into the binary.
public enum HTMLEntities {
    /// The characters an entity name stands for, e.g. `"amp;"` -> `"&"`,
    /// `"eacute"` -> `"é"` (a legacy name), nil when the name is unknown.
    /// The name is given without the leading "&".
    @inlinable
    public static func characters(named name: some StringProtocol) -> String? {
        table[String(name)]
    }

    /// The longest name in the table, so scanners know when to stop looking.
    public static let longestNameLength = 32

    /// Parsed once, on first use, from the listing compiled in.
    @usableFromInline
    static let table: [String: String] = EntityListing.table(from: PackageResources.HTMLEntities_txt)
}
