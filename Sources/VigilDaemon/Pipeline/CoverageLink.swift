import Foundation
import VigilStore
import VigilText

/// Which attack a piece of coverage reports on: the post that covers it links
/// to the attack's URL, or quotes it. Pure: texts and findings in, a match
/// out; the commit of a poll asks it (see `CoverageLinking`).
///
/// A link is the URL of the attack's item anywhere in the coverage text,
/// ignoring the scheme, a leading `www.` and a trailing slash, as a whole URL
/// (`…/posts/2` is not found inside `…/posts/24`). Only URLs with a path
/// count: a site's front page is linked from anything about the site.
///
/// A quote is a run of at least `minimumQuoteWords` consecutive words of one
/// sentence of the attack (its hostile evidence sentences and the sentences
/// of its item's text) found in the coverage text. Words are compared after
/// the matcher's normalisation (`TextNormalizer`: case, curly quotes and
/// apostrophes to straight ones, diacritics), with whitespace and
/// punctuation between them ignored. Scripts written without spaces have no
/// words to count, so in them only a link matches.
public struct CoverageLink: Sendable, Equatable {
    /// How the coverage refers to the attack.
    public enum Reason: Sendable, Equatable {
        /// The coverage text holds the URL of the attack's item.
        case link
        /// The coverage text quotes this many consecutive words of one of the attack's sentences.
        case quote(words: Int)
    }

    /// The fewest consecutive words that count as a quote: shorter runs
    /// ("the maintainer of the project") turn up in unrelated posts.
    public static let minimumQuoteWords = 8

    public var attackID: Int64
    public var reason: Reason

    public init(attackID: Int64, reason: Reason) {
        self.attackID = attackID
        self.reason = reason
    }

    /// The attack among `attacks` that `coverageText` links to or quotes:
    /// a link first, then the longest quote, then the most recent attack.
    /// Nil when it refers to none of them.
    public static func best(coverageText: String, among attacks: [LinkableFinding]) -> CoverageLink? {
        let text = CoverageText(coverageText)
        return best(among: attacks.compactMap { candidate in
            text.reference(to: AttackText(candidate)).map { (CoverageLink(attackID: candidate.id, reason: $0), candidate.createdAt) }
        })
    }

    /// The preferred of several matches, each with its attack's creation time.
    static func best(among matches: [(link: CoverageLink, createdAt: Date)]) -> CoverageLink? {
        matches.max { lhs, rhs in
            lhs.link.rank != rhs.link.rank
                ? lhs.link.rank < rhs.link.rank
                : (lhs.createdAt, lhs.link.attackID) < (rhs.createdAt, rhs.link.attackID)
        }?.link
    }

    /// How `coverageText` refers to `attack`, or nil when it does not.
    public static func reference(from coverageText: String, to attack: LinkableFinding) -> Reason? {
        CoverageText(coverageText).reference(to: AttackText(attack))
    }

    /// Higher is preferred: a link beats any quote, a longer quote a shorter one.
    var rank: Int {
        switch reason {
        case .link: Int.max
        case .quote(let words): words
        }
    }

    /// The words of `text` as quotes are compared: normalised, split at
    /// anything that is not a letter, a digit or an apostrophe, with
    /// apostrophes used as quotation marks trimmed off.
    static func words(_ text: String) -> [Substring] {
        let normalized = TextNormalizer.normalize(text)
        return normalized.split { !($0.isLetter || $0.isNumber || $0 == "'") }
            .map(trimmingApostrophes)
            .filter { !$0.isEmpty }
    }

    private static func trimmingApostrophes(_ word: Substring) -> Substring {
        var word = word
        while word.first == "'" { word = word.dropFirst() }
        while word.last == "'" { word = word.dropLast() }
        return word
    }

    /// The part of a URL that identifies the page, as it is searched for:
    /// lower case, without scheme, `www.` or trailing slashes. Nil for a URL
    /// without a path.
    static func linkKey(_ url: String) -> String? {
        var key = Substring(url.trimmingCharacters(in: .whitespacesAndNewlines).lowercased())
        if let scheme = key.range(of: "://") { key = key[scheme.upperBound...] }
        if key.hasPrefix("www.") { key = key.dropFirst(4) }
        while key.hasSuffix("/") { key = key.dropLast() }
        guard let slash = key.firstIndex(of: "/"), slash > key.startIndex, key.index(after: slash) < key.endIndex else { return nil }
        return String(key)
    }
}
