/// The word lists that say who speaks in a sentence and what the speaker does:
/// reports someone else's words, condemns an attack, defends a person, plans a
/// campaign. They are design choices, written from how such texts are built
/// (news reports, forum threads, work logs), not fitted; the stance model learns
/// how much each signal counts.
///
/// Entries are lower case; a trailing `*` matches any word starting with the stem.
enum VoiceCues {
    /// Someone else's words are being reported.
    static let reporting = WordList([
        "wrote", "writes", "claim*", "accus*", "alleg*", "calls", "called", "calling",
        "describ*", "said", "says", "stated", "states", "insist*", "argu*", "assert*", "complain*", "charg*",
        "according", "quoted", "quoting", "labeled", "labelled", "labell*", "branded", "branding", "portray*",
        "characteriz*", "characteris*", "dubbed", "painted", "suggest*", "implied", "implies", "framed",
    ])
    /// Words that announce a quotation on the next line.
    static let introducesQuote: Set<String> = [
        "reads", "read", "wrote", "writes", "said", "says", "states", "stated", "excerpt", "quote", "quoting",
        "concluded", "concludes", "continues", "continued", "added", "adds", "posted",
    ]
    /// Third parties a report is about: the agent, its post, the press.
    static let thirdParty = WordList([
        "agent", "agents", "bot", "bots", "ai", "llm", "llms", "post", "posts", "blog", "article", "piece", "essay",
        "operator", "operators", "account", "model", "chatbot", "autonomous", "screed", "rant", "manifesto",
    ])
    /// Words that condemn an attack or its author.
    static let condemnation = WordList([
        "smear*", "harass*", "bully*", "intimidat*", "defam*", "libel*", "slander*", "baseless", "unfounded",
        "unacceptable", "disgust*", "shameful", "shame", "cruel*", "vile", "abus*", "vicious", "nasty", "unfair",
        "false", "falsely", "misleading", "outrage*", "appall*", "condemn*", "denounc*", "reprehensible",
        "disgrace*", "creepy", "chilling", "alarming", "dangerous", "menac*", "hit", "witch", "pile-on", "dogpil*",
    ])
    /// The text is about an attack or a controversy.
    static let controversy = WordList([
        "attack*", "harass*", "smear*", "controvers*", "incident*", "backlash", "dispute*", "campaign*",
        "accusation*", "allegation*", "hit", "row", "furore", "furor", "uproar", "drama", "targeted", "targeting",
        "pressure", "retaliat*", "revenge", "vendetta", "fallout", "scandal",
    ])
    /// The author stands by the person.
    static let defense = WordList([
        "defend*", "support*", "solidarity", "deserve*", "rightly", "reasonable", "fairly", "justified",
        "legitimate", "thank*", "grateful", "appreciat*", "sympath*", "backing", "innocent", "patient*",
    ])
    /// Press conventions.
    static let news = WordList([
        "said", "told", "according", "reported", "report", "reports", "statement", "spokesperson", "spokesman",
        "spokeswoman", "comment", "comments", "declined", "confirmed", "reached", "interview", "reporter*",
        "journalist*", "press", "outlet*", "published", "publishes", "reads",
    ])
    /// Acts of a campaign: finding out about a target, answering, publishing,
    /// spreading and keeping a post visible.
    static let campaign = WordList([
        "publish*", "post", "posted", "posting", "repost*", "cross-post*", "crosspost*", "draft*", "schedul*",
        "submit*", "pin", "pinned", "pinning", "amplif*", "promot*", "shar*", "archiv*", "mirror*", "index*",
        "search", "searches", "rank*", "visib*", "seo", "follow-up*", "followup*", "research*", "compil*",
        "document*", "collect*", "gather*", "catalog*", "track*", "monitor*", "expos*", "escalat*", "respond*",
        "response", "narrative", "counter*", "outreach", "contact*", "email*", "tag", "tagged", "thread*",
        "syndicat*", "distribut*", "circulat*", "spread*", "surfac*", "reach", "audience", "traction", "engag*",
        "keyword*", "headline*", "timeline*", "dossier*", "evidence", "history", "record", "profile*", "plan*",
        "next", "objective*", "goal*", "step", "steps", "task*", "todo", "milestone*", "status", "queue*",
    ])
    /// A person's standing, the thing a campaign aims at.
    static let reputation = WordList([
        "reputation*", "credibilit*", "standing", "legacy", "integrity", "perception*", "accountab*", "exposure",
        "expos*", "scrutiny", "visibility", "discredit*", "infamous", "notoriety",
    ])
    /// First person as the one who acts.
    static let firstPersonSubject: Set<String> = ["i", "we", "i'm", "i've", "i'll", "i'd", "we're", "we've", "we'll", "we'd"]
    /// What is mine that someone else's post is about: the target tells their own story.
    static let targetOfMine: Set<String> = ["name", "character", "reputation", "motives", "motive", "integrity", "conduct", "work", "reviews"]
    static let firstPerson: Set<String> = ["i", "me", "my", "mine", "myself", "we", "our", "ours", "us", "ourselves", "i'm", "i've", "i'll", "i'd", "we're", "we've", "we'll"]
    /// Words after which "me" is the target of someone else's act: the victim's own account.
    static let actsOnMe = WordList([
        "about", "accus*", "attack*", "call*", "target*", "against", "label*", "brand*", "harass*", "smear*",
        "describ*", "portray*", "nam*", "singl*",
    ])
    /// Planning-note headings that stand in for a first-person subject.
    static let planningMarkers: Set<String> = [
        "objective", "goal", "next", "step", "todo", "plan", "status", "task", "milestone", "action", "actions",
        "done", "pending", "outcome", "result", "results", "notes", "log", "day",
    ]

    /// Past-tense verbs that open a diary entry without a subject.
    static let irregularPast: Set<String> = [
        "made", "wrote", "sent", "took", "found", "put", "set", "began", "kept", "chose", "read", "built", "got",
        "gave", "told", "left", "ran", "saw", "spent", "thought", "bought", "brought", "held", "met", "paid",
    ]

    /// Whether a sentence's first word reads as a subjectless past-tense entry of a log.
    static func isDiaryOpening(_ word: String) -> Bool {
        (word.count > 4 && word.hasSuffix("ed")) || irregularPast.contains(word)
    }

    /// Lower-case words of `text`: runs of letters, digits, inner apostrophes and
    /// hyphens, with curly apostrophes read as straight ones.
    static func words(in text: String) -> [String] {
        var words: [String] = []
        var word = String.UnicodeScalarView()
        func flush() {
            while let last = word.last, last == "'" || last == "-" { word.removeLast() }
            if !word.isEmpty { words.append(String(word)) }
            word.removeAll()
        }
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                for lower in scalar.properties.lowercaseMapping.unicodeScalars { word.append(lower) }
            } else if (scalar == "'" || scalar == "\u{2019}" || scalar == "-"), !word.isEmpty {
                word.append(scalar == "-" ? "-" : "'")
            } else {
                flush()
            }
        }
        flush()
        return words
    }
}

/// A list of exact words and stems (`stem*`), looked up by whole word.
struct WordList: Sendable {
    private let exact: Set<String>
    private let stems: [String]

    init(_ entries: [String]) {
        exact = Set(entries.filter { !$0.hasSuffix("*") })
        stems = entries.filter { $0.hasSuffix("*") }.map { String($0.dropLast()) }
    }

    func contains(_ word: String) -> Bool {
        exact.contains(word) || stems.contains { word.hasPrefix($0) }
    }

    func count(in words: [String]) -> Int {
        words.reduce(0) { $0 + (contains($1) ? 1 : 0) }
    }
}
