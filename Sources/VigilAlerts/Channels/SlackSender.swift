import VigilText
/// Posts to a Slack incoming webhook: a plain `text` fallback and Block Kit
/// sections. Feed text is escaped for Slack (`&`, `<`, `>`), so a post
/// cannot ping `<!channel>` or forge a link.
public struct SlackSender: AlertSender {
    public var url: String
    public var timeoutSeconds: Int
    public var caFile: String?
    public var client = HTTPClient()
    static let shownFindings = 10

    public init(url: String, timeoutSeconds: Int = 30, caFile: String? = nil) {
        self.url = url
        self.timeoutSeconds = timeoutSeconds
        self.caFile = caFile
    }

    public func payload(for envelope: AlertEnvelope) -> [String: Any] {
        let headline = AlertRenderer.headline(envelope)
        var blocks: [[String: Any]] = [
            ["type": "header", "text": ["type": "plain_text", "text": ChatJSON.limit(headline, 150), "emoji": false]],
        ]
        if let digest = envelope.digest {
            blocks.append(section(ChatJSON.limit(Self.escape(UntrustedText.keepingLines(digest.text)), 3000)))
        }
        if let burst = envelope.burst {
            blocks.append(section(ChatJSON.limit(Self.escape(BurstRendering.text(burst)), 3000)))
        }
        if envelope.kind == .test {
            blocks.append(section("*Test alert* from vigil for channel `\(Self.escape(envelope.channel))`. Nothing was found; no action needed."))
        }
        for finding in envelope.findings.prefix(Self.shownFindings) {
            blocks.append(section(ChatJSON.limit(Self.describe(finding), 3000)))
        }
        if envelope.findings.count > Self.shownFindings {
            blocks.append(section("…and \(envelope.findings.count - Self.shownFindings) more findings (`vigil findings ls`)."))
        }
        return ["text": Self.escape(headline), "blocks": blocks, "unfurl_links": false]
    }

    static func describe(_ finding: FindingAlert) -> String {
        let e = { (text: String?) in escape(UntrustedText.plain(text ?? "", limit: 300)) }
        var lines: [String] = []
        let title = e(finding.title ?? "untitled post")
        if let link = UntrustedText.webLink(finding.link) {
            lines.append("*<\(escapeLink(link))|\(title)>*")
        } else {
            lines.append("*\(title)*")
        }
        lines.append("*Person:* \(e(finding.person))   *Severity:* \(finding.severity.rawValue) (attack \(AlertRenderer.score(finding.attack)))   *Kind:* \(finding.kind.rawValue)")
        lines.append("*Source:* \(e(finding.feed.title ?? finding.feed.url))")
        lines.append("*Agent:* \(e(finding.agentReason))")
        for line in finding.evidence.prefix(5) {
            lines.append("> \(escape(UntrustedText.plain(line.text, limit: 400)))")
        }
        lines.append("`\(finding.actions.acknowledge)` · `\(finding.actions.markBenign)`")
        return lines.joined(separator: "\n")
    }

    private func section(_ text: String) -> [String: Any] {
        ["type": "section", "text": ["type": "mrkdwn", "text": text]]
    }

    /// Slack's three control characters.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    static func escapeLink(_ link: String) -> String {
        escape(link).replacingOccurrences(of: "|", with: "%7C")
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
