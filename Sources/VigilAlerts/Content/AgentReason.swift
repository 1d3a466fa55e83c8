import VigilText
import VigilStore

/// The one-line reason that accompanies an agent likelihood, so a reader
/// can judge the number instead of trusting it.
public enum AgentReason {
    public static func describe(agent: Double, evidence: [Evidence]) -> String {
        let percent = Int((agent * 100).rounded())
        let agentLike = evidence.filter { $0.kind == .agent }.sorted { $0.score > $1.score }
        let verdict: String
        switch agent {
        case 0.8...: verdict = "very likely written by an autonomous agent"
        case 0.5..<0.8: verdict = "possibly written by an autonomous agent"
        default: verdict = "probably written by a person"
        }
        guard let strongest = agentLike.first else {
            return "\(verdict) (\(percent)%): the model's estimate over the whole text; no single sentence stands out"
        }
        let count = agentLike.count == 1 ? "1 sentence reads" : "\(agentLike.count) sentences read"
        return "\(verdict) (\(percent)%): \(count) like agent output, strongest: \"\(UntrustedText.plain(strongest.text, limit: 120))\""
    }
}
