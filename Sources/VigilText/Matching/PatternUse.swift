/// One person's use of a pattern; people can share a pattern (two namesakes,
/// a project with two maintainers).
struct PatternUse: Sendable, Hashable {
    let person: Int32
    let role: PatternRole
}
