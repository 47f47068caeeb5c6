/// A username and password for SMTP AUTH. The password never appears in descriptions or dumps.
public struct SMTPCredentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The login name sent in AUTH.
    public var username: String
    /// The secret sent in AUTH; read from the environment, never from the config file.
    public var password: String

    /// Creates credentials.
    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }

    /// `SMTPCredentials(username: name, password: <redacted>)`.
    public var description: String { "SMTPCredentials(username: \(username), password: <redacted>)" }
    /// The same as ``description``: the password stays out of debug output too.
    public var debugDescription: String { description }
    /// A mirror without the password, so `dump()` does not print it.
    public var customMirror: Mirror { Mirror(self, children: ["username": username, "password": "<redacted>"]) }
}
