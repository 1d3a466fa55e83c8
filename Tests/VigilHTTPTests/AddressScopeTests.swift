import Testing
@testable import VigilHTTP

/// The address classifier of the address policy: which destinations count as
/// public, spelled the ways an attacker might spell them.
@Suite struct AddressScopeTests {
    func scope(_ text: String) throws -> AddressScope {
        AddressScope(try #require(IPAddress(text), "\(text) did not parse"))
    }

    @Test(arguments: [
        ("0.0.0.0", AddressScope.unspecified), ("0.1.2.3", .unspecified),
        ("10.0.0.5", .privateNetwork), ("10.255.255.255", .privateNetwork),
        ("100.64.0.1", .sharedNetwork), ("100.127.255.254", .sharedNetwork),
        ("127.0.0.1", .loopback), ("127.0.0.2", .loopback), ("127.255.255.255", .loopback),
        ("169.254.169.254", .linkLocal), ("169.254.0.1", .linkLocal),
        ("172.16.0.1", .privateNetwork), ("172.31.255.255", .privateNetwork),
        ("192.0.0.8", .reserved), ("192.0.2.1", .reserved), ("192.88.99.1", .reserved),
        ("192.168.1.1", .privateNetwork), ("198.18.0.1", .reserved), ("198.19.255.1", .reserved),
        ("198.51.100.7", .reserved), ("203.0.113.9", .reserved),
        ("224.0.0.1", .multicast), ("239.255.255.250", .multicast),
        ("240.0.0.1", .reserved), ("255.255.255.255", .reserved),
    ])
    func nonPublicIPv4(_ text: String, _ expected: AddressScope) throws {
        #expect(try scope(text) == expected)
    }

    @Test(arguments: ["1.1.1.1", "8.8.8.8", "9.255.255.255", "11.0.0.1", "100.63.255.255", "100.128.0.1",
                      "126.255.255.255", "128.0.0.1", "169.253.1.1", "172.15.255.255", "172.32.0.1",
                      "192.167.1.1", "192.169.0.1", "198.17.0.1", "198.20.0.1", "223.255.255.255"])
    func publicIPv4(_ text: String) throws {
        #expect(try scope(text) == .public)
    }

    @Test(arguments: [
        ("::", AddressScope.unspecified), ("::1", .loopback), ("[::1]", .loopback),
        ("fc00::1", .privateNetwork), ("fd12:3456::1", .privateNetwork),
        ("fe80::1", .linkLocal), ("fe80::1%eth0", .linkLocal), ("febf::1", .linkLocal),
        ("fec0::1", .reserved), ("ff02::1", .multicast), ("ff0e::1", .multicast),
        ("2001:db8::1", .reserved), ("2001::1", .reserved), ("2001:1ff::1", .reserved), ("3fff::1", .reserved),
        ("100::1", .reserved), ("64:ff9b:1::1", .reserved), ("::127.0.0.1", .reserved), ("::8.8.8.8", .reserved),
    ])
    func nonPublicIPv6(_ text: String, _ expected: AddressScope) throws {
        #expect(try scope(text) == expected)
    }

    @Test(arguments: ["2606:4700:4700::1111", "2001:4860:4860::8888", "2a00:1450::1", "2001:200::1", "3ffe::1"])
    func publicIPv6(_ text: String) throws {
        #expect(try scope(text) == .public)
    }

    /// An IPv6 spelling of an IPv4 address is judged by where it leads.
    @Test(arguments: [
        ("::ffff:127.0.0.1", AddressScope.loopback), ("::ffff:7f00:1", .loopback),
        ("::ffff:10.0.0.5", .privateNetwork), ("::ffff:169.254.169.254", .linkLocal),
        ("[::ffff:a9fe:a9fe]", .linkLocal), ("::ffff:0.0.0.0", .unspecified),
        ("64:ff9b::10.0.0.5", .privateNetwork), ("64:ff9b::a9fe:a9fe", .linkLocal),
        ("2002:c0a8:0101::1", .privateNetwork), ("2002:7f00:0001::", .loopback),
        ("::ffff:8.8.8.8", .public), ("64:ff9b::8.8.8.8", .public), ("2002:0808:0808::1", .public),
    ])
    func embeddedIPv4IsJudgedByItsTarget(_ text: String, _ expected: AddressScope) throws {
        #expect(try scope(text) == expected)
    }

    @Test func hostNamesAreNotAddresses() {
        for host in ["localhost", "example.org", "127.0.0.1.nip.io", "0x7f000001", "2130706433", ""] {
            #expect(IPAddress(host) == nil, "\(host)")
        }
    }

    @Test func addressesPrintConventionally() throws {
        #expect(try #require(IPAddress("10.0.0.5")).description == "10.0.0.5")
        #expect(try #require(IPAddress("[FE80:0:0::1]")).description == "fe80::1")
        #expect(try #require(IPAddress("::ffff:a00:5")).description == "::ffff:10.0.0.5")
        #expect(IPAddress(bytes: [10, 0, 0, 5]) == IPAddress("10.0.0.5"))
        #expect(IPAddress(bytes: [1, 2, 3]) == nil)
    }
}
