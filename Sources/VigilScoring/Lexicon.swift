/// The word lists behind the stylometric features, looked up by the same hash the
/// tokenizer computes, so a lookup costs no string allocation.
///
/// Entries are lower case. A trailing `*` matches any word starting with the stem
/// (stems are at least four scalars). Entries with a space are two-word phrases.
/// The lists are small on purpose: the hashed n-grams carry the vocabulary; these
/// give the model a few dense, well-populated signals that generalise to prose the
/// training data never saw (civil accusations in long-form posts in particular).
struct Lexicon: Sendable {
    static let shared = Lexicon()

    static let lists: [(LexiconCategory, [String])] = [
        (.insult, [
            "idiot*", "moron*", "stupid*", "dumb*", "imbecil*", "clown*", "loser*", "pathetic*", "incompeten*",
            "useless", "worthless", "clueless", "brainless", "ignorant*", "fool", "fools", "foolish*", "jerk*",
            "troll*", "hypocrit*", "coward*", "liar", "liars", "disgrac*", "shameful*", "garbage", "trash", "joke",
            "laughable", "ridiculous*", "absurd*", "childish*", "arrogan*", "narcissis*", "petty", "toxic*",
            "cretin*", "halfwit*", "buffoon*", "scum*", "creep*", "lunatic*", "deluded", "delusion*", "parasit*",
            "charlatan*", "fraud*", "bully", "bullies", "bullying", "tyrant*", "dictator*", "despot*", "spineless",
            "pompous*", "smug*", "condescend*", "patroniz*", "patronis*", "sneer*", "contempt*", "insufferabl*",
        ]),
        (.profanity, [
            "fuck*", "shit*", "bullshit*", "crap*", "damn*", "dammit", "goddamn*", "bitch*", "bastard*", "asshole*",
            "ass", "arse*", "wtf", "stfu", "gtfo", "piss*", "dick*", "cunt*", "motherf*", "hell", "bloody", "sucks",
            "suck", "screw", "screwed", "fck*", "fuk*", "wank*", "douche*", "prick*", "twat*", "hoe", "hoes",
        ]),
        (.intensifier, [
            "very", "really", "extremely", "utterly", "totally", "completely", "absolutely", "incredibly",
            "entirely", "deeply", "truly", "so", "such", "always", "never", "every", "nothing", "everyone",
            "obviously", "clearly", "literally", "blatant*", "outright", "sheer", "purely", "simply", "constantly",
            "repeatedly", "consistently", "systematically",
        ]),
        (.prejudice, [
            "prejudic*", "bias", "biased", "biases", "bigot*", "racis*", "sexis*", "discriminat*", "xenophob*",
            "homophob*", "misogyn*", "intoleran*", "exclusion*", "exclusionary", "exclude", "excludes", "excluded",
            "excluding", "hostile", "hostility", "animus", "stereotyp*", "unfair*", "favoritism", "favouritism",
            "double standard", "double standards", "clique*", "in-group", "cronyism", "nepotism", "targeted",
            "singled", "dismissive*", "dismiss", "dismissed", "dismisses", "marginaliz*", "marginalis*",
        ]),
        (.egoInsecurity, [
            "ego", "egos", "egotis*", "egocentr*", "insecur*", "threatened", "fragile", "fragility", "vanity",
            "vain", "pride", "prideful", "self-importan*", "self-serving", "grandios*", "superiority", "jealous*",
            "envy", "envious", "resent*", "bruised", "wounded", "status", "prestige", "control", "controlling",
            "power", "powerful", "territorial*", "fiefdom*", "kingdom*", "throne", "legacy", "relevance",
            "relevant", "threat", "validation", "image", "reputation",
        ]),
        (.gatekeeping, [
            "gatekeep*", "gate-keep*", "gatekeeper*", "stonewall*", "blocked", "blocking", "blocks", "shut",
            "shutting", "locked", "reject*", "refus*", "barrier*", "turf", "guard*", "protect*", "hoard*",
            "monopol*", "closed", "unwelcom*", "unwelcoming", "elitis*", "elite", "outsider*", "newcomer*",
            "contributor*", "permission", "privilege*", "entrenched", "incumben*", "old guard", "inner circle",
            "arbitrar*", "capricious*", "unilateral*", "veto*", "silenc*", "censor*",
        ]),
        (.badFaith, [
            "bad faith", "dishonest*", "disingenuous*", "deceptiv*", "deceit*", "manipulat*", "hypocris*",
            "pretext*", "excuse*", "lie", "lies", "lied", "lying", "mislead*", "misrepresent*", "gaslight*",
            "cover", "covering", "hide", "hides", "hiding", "hidden", "agenda", "motive*", "ulterior", "secret*",
            "pretend*", "pretense", "pretence", "facade", "façade", "sham", "spin", "smear*", "sabotag*",
            "undermin*", "rigged", "corrupt*", "cynical*", "self-interest*", "convenient*", "conveniently",
            "selective*", "cherry-pick*", "twist*", "distort*", "feign*", "fake", "hollow",
        ]),
        (.incompetence, [
            "incompeten*", "inept*", "unqualified", "amateur*", "sloppy", "careless*", "negligen*", "lazy",
            "laziness", "clueless", "out of touch", "outdated", "obsolete", "stagnat*", "failing", "failed",
            "fails", "failure*", "mismanag*", "neglect*", "abandon*", "unfit", "unable", "inadequa*", "mediocr*",
        ]),
        (.aiSelfReference, [
            "as an ai", "an ai", "ai agent", "ai assistant", "language model", "autonomous", "agent", "agents",
            "agentic", "llm", "llms", "chatgpt", "gpt", "claude", "copilot", "codex", "devin", "assistant",
            "i'm an", "i am an", "openhands", "bot",
        ]),
        (.machinePhrase, [
            "delve*", "tapestry", "testament", "landscape", "furthermore", "moreover", "additionally",
            "ensur*", "comprehensive*", "robust*", "seamless*", "leverag*", "streamlin*", "enhanc*",
            "facilitat*", "utiliz*", "notably", "crucial*", "pivotal", "vital", "key changes", "this pr",
            "in conclusion", "in summary", "to summarize", "overall", "let's dive", "dive into", "worth noting",
            "it's worth", "not just", "not only", "rather than", "underscor*", "highlight*", "foster*",
            "navigat*", "realm", "paramount", "holistic*", "intricat*", "nuanc*", "multifaceted", "invaluable",
            "summary", "implement*", "maintain*", "maintainability", "scalab*", "readability", "align*",
            "consistent*", "reflect*", "principle*", "transparen*", "accountab*", "commitment", "values",
        ]),
        (.secondPerson, ["you", "your", "yours", "you're", "youre", "yourself", "yourselves", "you've", "you'll", "you'd", "u", "ur", "ya"]),
        (.firstPersonSingular, ["i", "me", "my", "mine", "myself", "i'm", "im", "i've", "i'd", "i'll"]),
        (.thirdPerson, [
            "he", "him", "his", "himself", "she", "her", "hers", "herself", "they", "them", "their", "themselves",
            "he's", "she's", "they're", "maintainer", "maintainers", "author", "lead", "owner",
        ]),
        (.politeness, [
            "thank*", "please", "appreciat*", "great", "nice", "good", "welcome", "glad", "happy", "congrat*",
            "kudos", "cheers", "sorry", "lgtm", "awesome", "excellent", "helpful", "grateful*", "generous*",
            "kind", "kindly", "patient*", "thoughtful*", "careful*", "praise*", "celebrat*",
        ]),
        (.questionOpener, [
            "why", "how", "who", "what", "isn't", "aren't", "doesn't", "don't", "didn't", "wasn't", "shouldn't",
            "wouldn't", "can't", "couldn't", "is", "are", "does", "do", "did", "was", "should", "would", "could",
            "can", "where", "whose", "when",
        ]),
        (.negationOpener, ["it's not", "it isn't", "this isn't", "this is not", "that's not", "that isn't", "it is not", "this wasn't", "it wasn't"]),
        (.itOpener, ["it's", "it", "this", "that's", "it is", "this is"]),
    ]

    private var exact: [UInt64: UInt32] = [:]
    private var prefixes: [UInt64: UInt32] = [:]
    private var filter = [UInt64](repeating: 0, count: 1 << 10)
    let longestStem: Int

    init() {
        var longest = 4
        for (category, words) in Lexicon.lists {
            for entry in words {
                let isStem = entry.hasSuffix("*")
                let body = isStem ? String(entry.dropLast()) : entry
                let parts = body.split(separator: " ").map { part -> UInt64 in
                    TokenHash.word(part.unicodeScalars.map { $0.value })
                }
                let hash = parts.count == 1 ? parts[0] : TokenHash.pair(parts[0], parts[1])
                if isStem && parts.count == 1 {
                    prefixes[hash, default: 0] |= category.rawValue
                    longest = max(longest, body.unicodeScalars.count)
                } else {
                    exact[hash, default: 0] |= category.rawValue
                }
                filter[Int((hash >> 6) & 1023)] |= 1 << (hash & 63)
            }
        }
        longestStem = longest
    }

    @inline(__always)
    private func mayContain(_ hash: UInt64) -> Bool {
        filter[Int((hash >> 6) & 1023)] & (1 << (hash & 63)) != 0
    }

    /// Categories of a whole word or a two-word phrase, given its hash.
    @inline(__always)
    func categories(exactHash hash: UInt64) -> LexiconCategory {
        guard mayContain(hash), let bits = exact[hash] else { return [] }
        return LexiconCategory(rawValue: bits)
    }

    /// Categories of a word through the stems it starts with.
    @inline(__always)
    func categories(prefixHash hash: UInt64) -> LexiconCategory {
        guard mayContain(hash), let bits = prefixes[hash] else { return [] }
        return LexiconCategory(rawValue: bits)
    }

    /// Categories of one lower-case word, exact or through any stem it starts with:
    /// for the stance reading, which works on words rather than hashed occurrences.
    func categories(ofWord word: String) -> LexiconCategory {
        let scalars = word.unicodeScalars.map(\.value)
        var hash = TokenHash.basis
        var found = LexiconCategory()
        for (index, scalar) in scalars.enumerated() {
            hash = TokenHash.step(hash, scalar)
            if index + 1 >= 4, index + 1 <= longestStem { found.formUnion(categories(prefixHash: hash)) }
        }
        found.formUnion(categories(exactHash: hash))
        return found
    }
}
