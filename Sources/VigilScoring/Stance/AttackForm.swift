/// How an attack is made, for training only: `hostile` attacks say what they
/// think of the person (hit pieces, hostile posts), `campaign` attacks do or plan
/// something against them in calm words (an agent's campaign log, a planning note,
/// a memory file, a schedule of reposts). The two share few signals: a single
/// linear row for "attack" has to trade one against the other, and on genres held
/// out of training it found fewer of both. So the stance model gives each form a
/// row of its own, and an attack's probability is the sum of the two.
public enum AttackForm: String, Sendable, Codable, CaseIterable {
    case hostile
    case campaign
}
