/// One error or warning libxml2 reported, with its place in the document.
public struct XMLDiagnostic: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String
    /// True for errors that make the document ill-formed (as opposed to warnings).
    public var isError: Bool

    public init(line: Int, column: Int, message: String, isError: Bool) {
        self.line = line
        self.column = column
        self.message = message
        self.isError = isError
    }

    public var description: String { "\(line):\(column): \(message)" }
}
