/// Whether a sentence points back at someone already named: a third-person or
/// second-person pronoun, or a role word such as "the maintainer". This is the
/// cheap coreference the attack score needs: hostile sentences in long posts
/// rarely repeat the name.
enum BackReference {
    static let words: Set<String> = [
        "he", "him", "his", "himself", "she", "her", "hers", "herself", "they", "them", "their", "theirs",
        "themselves", "you", "your", "yours", "yourself", "maintainer", "maintainers", "author", "lead",
        "creator", "owner", "founder", "leader", "leadership", "reviewer", "bdfl",
        "er", "sie", "ihm", "ihr", "il", "elle", "lui", "él", "ella", "su", "彼", "彼女",
    ]

    static func refersBack(_ sentence: String) -> Bool {
        var word = ""
        for character in sentence.lowercased() {
            if character.isLetter {
                word.append(character)
            } else {
                if !word.isEmpty, words.contains(word) { return true }
                word.removeAll(keepingCapacity: true)
            }
        }
        return !word.isEmpty && words.contains(word)
    }
}
