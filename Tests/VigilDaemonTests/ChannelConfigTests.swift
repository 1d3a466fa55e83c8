import Foundation
import Testing
@testable import VigilDaemon

/// The alert-channel keys the config reader checks on behalf of the senders.
@Suite struct ChannelConfigTests {
    func parse(_ source: String) throws -> VigilConfig {
        try ConfigLoader.parse(source: source, path: "/etc/vigil/config.toml")
    }

    @Test func pathsAreAnchoredAtTheConfigFolder() throws {
        let config = try parse("""
            [[channels]]
            name = "log"
            kind = "jsonl"
            path = "alerts.jsonl"

            [[channels]]
            name = "mail"
            kind = "email"
            url = "smtp://mail.example.org:587"
            from = "vigil@example.org"
            to = "security@example.org"
            ca_file = "private-ca.pem"
            quiet_hours = "22:00-07:00"
            time_zone = "America/New_York"
            group_window = "10m"
            rate_limit_per_hour = 20
            max_age = "2h"
            """)
        #expect(config.channels[0].path == "/etc/vigil/alerts.jsonl")
        #expect(config.channels[1].caFile == "/etc/vigil/private-ca.pem")
        #expect(config.channels[1].to == ["security@example.org"])
        #expect(config.channels[1].quietHours == "22:00-07:00")
        #expect(config.channels[1].timeZone == "America/New_York")
        #expect(config.channels[1].groupWindowSeconds == 600)
        #expect(config.channels[1].rateLimitPerHour == 20)
        #expect(config.channels[1].maxAgeSeconds == 7200)
    }

    /// Parses `source` and checks that it is refused at `key` on `line`.
    func expectRefusal(_ source: String, key: String, line: Int) {
        do {
            _ = try parse(source)
            Issue.record("expected an error")
        } catch let error as ConfigError {
            #expect(error.key == key)
            #expect(error.line == line)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func kindsDefaultToAttacksAndAreChecked() throws {
        let config = try parse("""
            [[channels]]
            name = "console"
            kind = "console"

            [[channels]]
            name = "news"
            kind = "console"
            min_severity = "low"
            kinds = ["attack", "coverage", "coverage"]

            [[channels]]
            name = "digests"
            kind = "console"
            kinds = []
            """)
        #expect(config.channels.map(\.kinds) == [[.attack], [.attack, .coverage], []])
        let rumour = """
            [[channels]]
            name = "console"
            kind = "console"
            kinds = ["attack", "rumour"]
            """
        expectRefusal(rumour, key: "channels[0].kinds", line: 4)
        #expect(throws: ConfigError.self) { try parse(rumour) }
        do {
            _ = try parse(rumour)
        } catch {
            #expect("\(error)" == "/etc/vigil/config.toml:4: channels[0].kinds: must list kinds among attack, coverage, mention, not 'rumour'")
        }
        expectRefusal("""
            [[channels]]
            name = "console"
            kind = "console"
            kinds = [1]
            """, key: "channels[0].kinds", line: 4)
    }

    @Test func badQuietHoursAreLocated() {
        expectRefusal("""
            [[channels]]
            name = "console"
            kind = "console"
            quiet_hours = "10pm-7am"
            """, key: "channels[0].quiet_hours", line: 4)
    }

    @Test func anUnknownTimeZoneIsLocated() {
        expectRefusal("""
            [[channels]]
            name = "console"
            kind = "console"
            quiet_hours = "22:00-07:00"
            time_zone = "Mars/Olympus"
            """, key: "channels[0].time_zone", line: 5)
    }

    @Test func deliveryIsBoundedByDefaultAndTunable() throws {
        let defaults = try parse("""
            [[channels]]
            name = "ops"
            kind = "webhook"
            url = "http://127.0.0.1:9000/hook"
            """)
        #expect(defaults.alerts.burstLimit == 5)
        #expect(defaults.channels[0].rateLimitPerHour == 30)
        #expect(defaults.channels[0].maxInFlight == 4)
        let tuned = try parse("""
            [alerts]
            burst_limit = 0

            [[channels]]
            name = "ops"
            kind = "webhook"
            url = "http://127.0.0.1:9000/hook"
            rate_limit_per_hour = 0
            max_in_flight = 1
            """)
        #expect(tuned.alerts.burstLimit == 0)
        #expect(tuned.channels[0].rateLimitPerHour == 0)
        #expect(tuned.channels[0].maxInFlight == 1)
        expectRefusal("""
            [alerts]
            burst_limit = -1
            """, key: "alerts.burst_limit", line: 2)
        expectRefusal("""
            [alerts]
            burst = 5
            """, key: "alerts.burst", line: 2)
        expectRefusal("""
            [[channels]]
            name = "ops"
            kind = "console"
            max_in_flight = 0
            """, key: "channels[0].max_in_flight", line: 4)
    }
}
