import Foundation

/// An error that says what went wrong, where, and what to do about it.
///
/// Every stage of earshot reports failures with this one type: a stable ``Code`` that
/// callers and tests match on, a one-line message written for the user, the place (a
/// source id, a file with line and column, or a stage name), and an optional underlying
/// cause. Its `description` reads like a compiler diagnostic: `feeds/x.xml:12:5: message`.
public struct EarshotError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A stable category of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Wrapped: String, Sendable {
            case configuration, usage, fetch, http, parse, hostileInput, lexicon, store, delivery, report, locked, io
        }
        private let wrapped: Wrapped
        private init(_ wrapped: Wrapped) { self.wrapped = wrapped }

        /// The configuration file is missing, unreadable or invalid.
        public static let configuration = Code(.configuration)
        /// A command-line argument is invalid.
        public static let usage = Code(.usage)
        /// A source could not be fetched (file missing, network error).
        public static let fetch = Code(.fetch)
        /// The server answered with a status earshot cannot use.
        public static let http = Code(.http)
        /// A document could not be parsed.
        public static let parse = Code(.parse)
        /// A document tried something unsafe (entity bomb, excessive nesting or size).
        public static let hostileInput = Code(.hostileInput)
        /// A lexicon file has a broken line.
        public static let lexicon = Code(.lexicon)
        /// The state store failed.
        public static let store = Code(.store)
        /// An alert could not be delivered.
        public static let delivery = Code(.delivery)
        /// A report could not be written.
        public static let report = Code(.report)
        /// Another run holds the lock.
        public static let locked = Code(.locked)
        /// A file could not be read or written.
        public static let io = Code(.io)

        public var description: String { wrapped.rawValue }
    }

    /// Where an error happened: a file (with optional line and column), a source, or a stage.
    public struct Place: Hashable, Sendable, CustomStringConvertible {
        public var file: String?
        public var line: Int?
        public var column: Int?
        public var source: String?

        public init(file: String? = nil, line: Int? = nil, column: Int? = nil, source: String? = nil) {
            self.file = file
            self.line = line
            self.column = column
            self.source = source
        }

        public var description: String {
            var parts: [String] = []
            if let source { parts.append("source '\(source)'") }
            if let file {
                var location = file
                if let line {
                    location += ":\(line)"
                    if let column { location += ":\(column)" }
                }
                parts.append(location)
            }
            return parts.joined(separator: ": ")
        }
    }

    public var code: Code
    public var message: String
    public var place: Place?
    /// A description of the underlying error, kept as text so the error stays `Sendable` and `Equatable`.
    public var cause: String?
    /// For a failed fetch: whether the server asked earshot to come back later or never
    /// (`Retry-After`, 410 Gone); nil for every other error.
    public var hold: SourceHold?

    public init(_ code: Code, _ message: String, place: Place? = nil, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.place = place
        self.cause = cause.map { String(describing: $0) }
    }

    public var description: String {
        var text = ""
        if let place, !place.description.isEmpty { text = place.description + ": " }
        text += message
        if let cause { text += " (\(cause))" }
        return text
    }
}
