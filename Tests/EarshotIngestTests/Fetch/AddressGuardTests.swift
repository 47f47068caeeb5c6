import EarshotCore
import Testing
@testable import EarshotIngest

struct AddressGuardTests {
    @Test(arguments: [
        "127.0.0.1", "127.255.0.9", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254",
        "0.0.0.0", "::1", "::", "fc00::1", "fd12:3456::1", "fe80::1", "febf::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
    ])
    func restrictedAddresses(_ address: String) throws {
        #expect(AddressGuard.isRestricted(try #require(AddressGuard.literal(address))))
    }

    @Test(arguments: ["8.8.8.8", "172.15.0.1", "172.32.0.1", "192.169.0.1", "169.255.0.1", "11.0.0.1",
                      "2001:4860:4860::8888", "fec0::1", "::ffff:8.8.8.8"])
    func publicAddresses(_ address: String) throws {
        #expect(!AddressGuard.isRestricted(try #require(AddressGuard.literal(address))))
    }

    @Test func namesAreNotLiterals() {
        #expect(AddressGuard.literal("example.com") == nil)
        #expect(AddressGuard.literal("127.0.0.1.example.com") == nil)
    }

    @Test func localhostIsResolvedAndRefused() async {
        let error = await #expect(throws: EarshotError.self) {
            try await AddressGuard.check(host: "localhost", place: .init(source: "s"))
        }
        #expect(error?.message.contains("localhost") == true)
        #expect(error?.message.contains("fetch.allowPrivateAddresses") == true)
    }

    @Test func unresolvableHostIsAFetchError() async {
        let error = await #expect(throws: EarshotError.self) {
            try await AddressGuard.check(host: "no-such-host.invalid", place: .init(source: "s"))
        }
        #expect(error?.code == .fetch)
        #expect(error?.message.contains("cannot resolve") == true)
    }
}
