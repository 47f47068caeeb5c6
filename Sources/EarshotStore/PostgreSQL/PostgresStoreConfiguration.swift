#if PostgreSQL
import EarshotCore
import Foundation
import PostgresNIO

/// Where a ``PostgresMentionStore`` lives, read from a `store.postgres` URL.
///
/// The URL is `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?schema=NAME&sslmode=MODE]`
/// (`postgresql://` works too). The port defaults to 5432, the schema to `public`. `sslmode` is
/// libpq's: `disable`; `prefer` (the default: TLS when the server offers it, certificate not
/// checked); `require` (TLS or fail, certificate not checked); `verify-full` (TLS with the
/// certificate checked against the system's roots and the host name). A password may be given
/// in the URL (percent-encoded) or in the environment variable `PGPASSWORD`.
public struct PostgresStoreConfiguration: Sendable, Equatable {
    /// How the connection is protected, as libpq's `sslmode` names it.
    public enum TLSMode: String, Sendable, CaseIterable {
        case disable, prefer, require
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    /// The schema that holds earshot's tables; created on open if missing.
    public var schema: String
    public var tls: TLSMode

    /// Parses a `store.postgres` URL.
    /// - Parameters:
    ///   - url: the URL, as written in the config.
    ///   - environment: where `PGPASSWORD` is looked up when the URL has no password.
    /// - Throws: ``EarshotError`` (``EarshotError/Code/configuration``) naming what is wrong with the URL.
    public init(url: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        func bad(_ reason: String) -> EarshotError {
            EarshotError(.configuration, "store.postgres: \(reason); write it as postgres://user[:password]@host[:port]/database[?schema=name&sslmode=disable|prefer|require|verify-full]")
        }
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              scheme == "postgres" || scheme == "postgresql" else {
            throw bad("not a postgres:// URL")
        }
        guard let host = components.host, !host.isEmpty else { throw bad("the URL names no host") }
        guard let username = components.user, !username.isEmpty else { throw bad("the URL names no user") }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else { throw bad("the URL names no database") }
        self.host = host
        port = components.port ?? 5432
        self.username = username.removingPercentEncoding ?? username
        password = components.password.map { $0.removingPercentEncoding ?? $0 } ?? environment["PGPASSWORD"]
        self.database = database.removingPercentEncoding ?? database
        schema = "public"
        tls = .prefer
        for item in components.queryItems ?? [] {
            switch item.name {
            case "schema":
                guard let name = item.value, Self.isPlainIdentifier(name) else {
                    throw bad("schema must be lower-case letters, digits and _, not starting with a digit, at most 63 characters")
                }
                schema = name
            case "sslmode":
                guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
                    throw bad("sslmode must be one of \(TLSMode.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                tls = mode
            default:
                throw bad("unknown parameter '\(item.name)'")
            }
        }
    }

    /// The URL without its password, for messages.
    public var displayURL: String {
        var text = "postgres://\(username)@\(host):\(port)/\(database)"
        if schema != "public" { text += "?schema=\(schema)" }
        return text
    }

    /// A copy in another schema (tests give each case its own).
    public func inSchema(_ name: String) -> PostgresStoreConfiguration {
        var copy = self
        copy.schema = name
        return copy
    }

    /// PostgresNIO's client configuration: this server, with `search_path` set to the schema.
    var clientConfiguration: PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(host: host, port: port, username: username, password: password,
                                                         database: database, tls: clientTLS)
        configuration.options.additionalStartupParameters = [("search_path", schema)]
        configuration.options.maximumConnections = 8
        return configuration
    }

    /// The same server for one `PostgresConnection` (the schema check at open).
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        let connectionTLS: PostgresConnection.Configuration.TLS
        switch clientTLSChoice {
        case .disable: connectionTLS = .disable
        case .prefer(let tls): connectionTLS = .prefer(try NIOSSLContext(configuration: tls))
        case .require(let tls): connectionTLS = .require(try NIOSSLContext(configuration: tls))
        }
        var configuration = PostgresConnection.Configuration(host: host, port: port, username: username, password: password,
                                                             database: database, tls: connectionTLS)
        configuration.options.additionalStartupParameters = [("search_path", schema)]
        configuration.options.connectTimeout = .seconds(10)
        return configuration
    }

    private var clientTLS: PostgresClient.Configuration.TLS {
        switch clientTLSChoice {
        case .disable: return .disable
        case .prefer(let tls): return .prefer(tls)
        case .require(let tls): return .require(tls)
        }
    }

    private enum TLSChoice {
        case disable
        case prefer(TLSConfiguration)
        case require(TLSConfiguration)
    }

    private var clientTLSChoice: TLSChoice {
        var unchecked = TLSConfiguration.makeClientConfiguration()
        unchecked.certificateVerification = .none
        switch tls {
        case .disable: return .disable
        case .prefer: return .prefer(unchecked)
        case .require: return .require(unchecked)
        case .verifyFull: return .require(.makeClientConfiguration())
        }
    }

    static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.unicodeScalars.count <= 63, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
    }
}
#endif
