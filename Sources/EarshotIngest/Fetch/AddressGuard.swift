import Dispatch
import EarshotCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Refuses hosts that are, or resolve to, private, loopback, link-local or unspecified
/// addresses, unless the fetch policy allows them (`fetch.allowPrivateAddresses`).
///
/// A feed URL or a redirect must not turn earshot into a probe of the network it runs in.
/// The host is resolved with `getaddrinfo` (on a Dispatch thread, never blocking the
/// cooperative pool) and refused when any of its addresses is restricted. The client resolves
/// the name again when it connects, so a DNS answer that changes in between is not caught.
enum AddressGuard {
    /// Resolves `host` and throws a `.fetch` error when it is restricted.
    static func check(host: String, place: EarshotError.Place) async throws {
        let name = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        let addresses: [[UInt8]]
        if let literal = literal(name) {
            addresses = [literal]
        } else {
            addresses = await resolve(name)
            if addresses.isEmpty {
                throw EarshotError(.fetch, "cannot resolve the host '\(name)'; check the URL and the network", place: place)
            }
        }
        if let restricted = addresses.first(where: isRestricted) {
            throw EarshotError(.fetch, "the host '\(name)' is a private or loopback address (\(text(restricted))); "
                + "set fetch.allowPrivateAddresses: true in the config to fetch it", place: place)
        }
    }

    /// True for 0.0.0.0/8, 10/8, 127/8, 169.254/16, 172.16/12, 192.168/16, ::, ::1, fc00::/7,
    /// fe80::/10 and IPv4-mapped or -compatible IPv6 forms of the IPv4 ones.
    static func isRestricted(_ address: [UInt8]) -> Bool {
        switch address.count {
        case 4:
            let (a, b) = (address[0], address[1])
            return a == 0 || a == 10 || a == 127 || (a == 169 && b == 254) || (a == 172 && (16...31).contains(b))
                || (a == 192 && b == 168)
        case 16:
            if address.allSatisfy({ $0 == 0 }) || (address[..<15].allSatisfy { $0 == 0 } && address[15] == 1) { return true }
            if address[0] & 0xFE == 0xFC { return true }                      // fc00::/7, unique local
            if address[0] == 0xFE && address[1] & 0xC0 == 0x80 { return true } // fe80::/10, link-local
            if address[..<10].allSatisfy({ $0 == 0 }) && ((address[10] == 0xFF && address[11] == 0xFF)
                || (address[10] == 0 && address[11] == 0)) {
                return isRestricted(Array(address[12...]))                   // ::ffff:a.b.c.d and ::a.b.c.d
            }
            return false
        default:
            return false
        }
    }

    /// The bytes of an IPv4 or IPv6 literal, or nil for a name.
    static func literal(_ host: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, host, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, host, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { Array($0) }
        }
        return nil
    }

    /// Every address `getaddrinfo` gives for `host`; empty when it cannot be resolved.
    static func resolve(_ host: String) async -> [[UInt8]] {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: lookUp(host))
            }
        }
    }

    private static func lookUp(_ host: String) -> [[UInt8]] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Darwin)
        hints.ai_socktype = SOCK_STREAM
        #else
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &list) == 0, let first = list else { return [] }
        defer { freeaddrinfo(first) }
        var addresses: [[UInt8]] = []
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let current = entry {
            if let socketAddress = current.pointee.ai_addr {
                switch current.pointee.ai_family {
                case AF_INET:
                    socketAddress.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                        var address = $0.pointee.sin_addr
                        addresses.append(withUnsafeBytes(of: &address) { Array($0) })
                    }
                case AF_INET6:
                    socketAddress.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                        var address = $0.pointee.sin6_addr
                        addresses.append(withUnsafeBytes(of: &address) { Array($0) })
                    }
                default:
                    break
                }
            }
            entry = current.pointee.ai_next
        }
        return addresses
    }

    /// `127.0.0.1` or `fe80:0:0:0:0:0:0:1`.
    static func text(_ address: [UInt8]) -> String {
        if address.count == 4 { return address.map(String.init).joined(separator: ".") }
        return stride(from: 0, to: address.count, by: 2)
            .map { String(UInt16(address[$0]) << 8 | UInt16(address[$0 + 1]), radix: 16) }
            .joined(separator: ":")
    }
}
