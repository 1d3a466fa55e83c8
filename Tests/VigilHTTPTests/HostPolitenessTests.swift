import Testing
import VigilHTTP

struct HostPolitenessTests {
    let clock = ContinuousClock()

    @Test func limitsConcurrencyAndSpacesStarts() {
        let now = clock.now
        var hosts = HostPoliteness(minimumGap: .seconds(2), maxConcurrent: 2)
        #expect(hosts.earliestStart(host: "a.example", now: now) == now)
        hosts.recordStart(host: "a.example", at: now)
        #expect(hosts.earliestStart(host: "a.example", now: now) == now + .seconds(2))
        #expect(hosts.earliestStart(host: "b.example", now: now) == now)
        hosts.recordStart(host: "a.example", at: now + .seconds(2))
        #expect(hosts.earliestStart(host: "a.example", now: now + .seconds(3)) == nil)
        hosts.recordFinish(host: "a.example")
        #expect(hosts.earliestStart(host: "a.example", now: now + .seconds(3)) == now + .seconds(4))
    }

    @Test func pauseHoldsTheHostUntilItEnds() {
        let now = clock.now
        var hosts = HostPoliteness(minimumGap: .zero, maxConcurrent: 2)
        hosts.pause(host: "a.example", until: now + .seconds(60))
        #expect(hosts.pausedUntil(host: "a.example", now: now) == now + .seconds(60))
        #expect(hosts.earliestStart(host: "a.example", now: now) == now + .seconds(60))
        #expect(hosts.pausedUntil(host: "a.example", now: now + .seconds(61)) == nil)
        hosts.pause(host: "a.example", until: now + .seconds(10))
        #expect(hosts.pausedUntil(host: "a.example", now: now) == now + .seconds(60), "a shorter pause does not cut a longer one")
    }

    @Test func forgetsIdleHosts() {
        let now = clock.now
        var hosts = HostPoliteness(minimumGap: .seconds(1), maxConcurrent: 2)
        hosts.recordStart(host: "a.example", at: now)
        hosts.recordStart(host: "b.example", at: now)
        hosts.recordFinish(host: "a.example")
        hosts.forgetIdleHosts(now: now + .seconds(5))
        #expect(hosts.trackedHostCount == 1)
    }
}
