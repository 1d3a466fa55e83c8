import VigilText
import VigilStore

/// Posts to a Discord webhook: a short `content` line and one embed per
/// finding. `allowed_mentions` is empty, so feed text saying `@everyone`
/// pings nobody, and Markdown in feed text is escaped.
public struct DiscordSender: AlertSender {
    public var url: String
    public var timeoutSeconds: Int
    public var caFile: String?
    public var client = HTTPClient()
    static let maximumEmbeds = 10

    public init(url: String, timeoutSeconds: Int = 30, caFile: String? = nil) {
        self.url = url
        self.timeoutSeconds = timeoutSeconds
        self.caFile = caFile
    }

    public func payload(for envelope: AlertEnvelope) -> [String: Any] {
        var content = Self.escape(AlertRenderer.headline(envelope))
        if envelope.kind == .test { content += "\nTest alert from vigil: nothing was found; no action needed." }
        if let digest = envelope.digest { content += "\n" + Self.escape(UntrustedText.keepingLines(digest.text)) }
        if let burst = envelope.burst { content += "\n" + Self.escape(BurstRendering.text(burst)) }
        if envelope.findings.count > Self.maximumEmbeds {
            content += "\n…and \(envelope.findings.count - Self.maximumEmbeds) more findings (`vigil findings ls`)."
        }
        let embeds = envelope.findings.prefix(Self.maximumEmbeds).map(Self.embed)
        return ["content": ChatJSON.limit(content, 2000), "embeds": embeds, "allowed_mentions": ["parse": [String]()]]
    }

    static func embed(_ finding: FindingAlert) -> [String: Any] {
        let e = { (text: String?, limit: Int) in escape(UntrustedText.plain(text ?? "", limit: limit)) }
        var description = finding.evidence.prefix(5).map { "> " + e($0.text, 400) }.joined(separator: "\n")
        description += "\n\n`\(finding.actions.acknowledge)` · `\(finding.actions.markBenign)`"
        var embed: [String: Any] = [
            "title": ChatJSON.limit(e(finding.title ?? "untitled post", 250), 256),
            "description": ChatJSON.limit(description, 4096),
            "color": color(finding.severity),
            "fields": [
                ["name": "Person", "value": ChatJSON.limit(e(finding.person, 200), 1024), "inline": true],
                ["name": "Severity", "value": "\(finding.severity.rawValue) (attack \(AlertRenderer.score(finding.attack)))", "inline": true],
                ["name": "Kind", "value": finding.kind.rawValue, "inline": true],
                ["name": "Source", "value": ChatJSON.limit(e(finding.feed.title ?? finding.feed.url, 300), 1024), "inline": false],
                ["name": "Agent", "value": ChatJSON.limit(e(finding.agentReason, 300), 1024), "inline": false],
            ],
        ]
        if let link = UntrustedText.webLink(finding.link) { embed["url"] = link }
        return embed
    }

    static func color(_ severity: Severity) -> Int {
        switch severity {
        case .high: 0xC0392B
        case .medium: 0xE67E22
        case .low: 0xF1C40F
        case .none: 0x95A5A6
        }
    }

    /// Backslash-escapes Discord Markdown so feed text shows literally.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\*_~`|>[]()#-".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    public func request(for envelope: AlertEnvelope) -> HTTPRequest {
        HTTPRequest(
            method: "POST", url: url,
            headers: [("Content-Type", "application/json"), ("Idempotency-Key", envelope.idempotencyKey)],
            body: ChatJSON.encode(payload(for: envelope)), timeoutSeconds: timeoutSeconds, caFile: caFile)
    }

    public func send(_ envelope: AlertEnvelope) async throws {
        try await client.deliver(request(for: envelope))
    }
}
