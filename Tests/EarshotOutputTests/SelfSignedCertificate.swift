import Foundation

/// A self-signed certificate for 127.0.0.1 and localhost, made once per test run with `openssl req -x509`.
struct SelfSignedCertificate: Sendable {
    let certificate: String
    let key: String

    static let shared: Result<SelfSignedCertificate, LocalServer.ServerError> = {
        do {
            let folder = try TemporaryFolder.make("tls")
            let cert = folder.appendingPathComponent("cert.pem").path
            let key = folder.appendingPathComponent("key.pem").path
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                                 "-days", "2", "-subj", "/CN=localhost",
                                 "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                return .failure(.init(description: "openssl req -x509 exited with \(process.terminationStatus)"))
            }
            return .success(SelfSignedCertificate(certificate: cert, key: key))
        } catch {
            return .failure(.init(description: "could not run openssl: \(error)"))
        }
    }()
}
