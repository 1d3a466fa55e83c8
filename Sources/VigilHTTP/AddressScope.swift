/// Where an address leads, as far as the address policy cares: the public
/// internet, or somewhere a feed's author must not be able to send vigil
/// (the machine itself, the local network, a cloud's metadata service).
///
/// Ranges follow IANA's special-purpose registries. IPv6 is public only in
/// 2000::/3, the global unicast space, less its special blocks; an IPv6
/// address that embeds an IPv4 one (mapped, compatible, NAT64, 6to4) is
/// judged by the IPv4 address it leads to.
public enum AddressScope: String, Sendable, Equatable {
    case `public`
    /// 0.0.0.0/8 and `::`: "this host" (0.0.0.0 reaches the machine itself on Linux).
    case unspecified
    /// 127.0.0.0/8 and `::1`.
    case loopback
    /// 10/8, 172.16/12, 192.168/16 (RFC 1918) and fc00::/7 (unique local).
    case privateNetwork = "private"
    /// 100.64/10, carrier-grade NAT (RFC 6598).
    case sharedNetwork = "shared"
    /// 169.254/16 (the cloud metadata address among them) and fe80::/10.
    case linkLocal = "link-local"
    /// 224/4 and ff00::/8.
    case multicast
    /// Documentation, benchmarking, protocol assignments, 240/4, broadcast,
    /// deprecated site-local and anything outside IPv6's global unicast space.
    case reserved

    public var isPublic: Bool { self == .public }

    /// The scope of `address`.
    public init(_ address: IPAddress) {
        if address.isIPv4 {
            self = Self.ipv4(address.bytes)
        } else if let embedded = address.embeddedIPv4 {
            // `::ffff:127.0.0.1` is loopback, `64:ff9b::a9fe:a9fe` the metadata address.
            self = Self.ipv4(embedded.bytes)
        } else {
            self = Self.ipv6(address.bytes)
        }
    }

    private static func ipv4(_ b: [UInt8]) -> AddressScope {
        switch (b[0], b[1], b[2]) {
        case (0, _, _): .unspecified
        case (10, _, _): .privateNetwork
        case (100, 64...127, _): .sharedNetwork
        case (127, _, _): .loopback
        case (169, 254, _): .linkLocal
        case (172, 16...31, _): .privateNetwork
        case (192, 0, 0), (192, 0, 2), (192, 88, 99): .reserved
        case (192, 168, _): .privateNetwork
        case (198, 18...19, _), (198, 51, 100), (203, 0, 113): .reserved
        case (224...239, _, _): .multicast
        case (240...255, _, _): .reserved
        default: .public
        }
    }

    private static func ipv6(_ b: [UInt8]) -> AddressScope {
        if b.allSatisfy({ $0 == 0 }) { return .unspecified }
        if b[0..<15].allSatisfy({ $0 == 0 }) && b[15] == 1 { return .loopback }
        if b[0] == 0xff { return .multicast }
        if b[0] & 0xfe == 0xfc { return .privateNetwork }
        if b[0] == 0xfe && b[1] & 0xc0 == 0x80 { return .linkLocal }
        // Global unicast is 2000::/3; everything else (fec0::/10 site-local, 64:ff9b:1::/48
        // local NAT64, 100::/64 discard, the deprecated IPv4-compatible ::/96) leads nowhere public.
        guard b[0] & 0xe0 == 0x20 else { return .reserved }
        // 2001::/23 protocol assignments (Teredo among them), 2001:db8::/32 and 3fff::/20 documentation.
        if b[0] == 0x20 && b[1] == 0x01 && b[2] < 0x02 { return .reserved }
        if b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8 { return .reserved }
        if b[0] == 0x3f && b[1] == 0xff && b[2] & 0xf0 == 0 { return .reserved }
        return .public
    }
}
