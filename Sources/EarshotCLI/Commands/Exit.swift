import ArgumentParser
import EarshotCore
import Foundation

/// Exit statuses, as DESIGN.md fixes them.
enum ExitStatus {
    static let sourcesFailed = ExitCode(1)
    static let usage = ExitCode(2)
    static let locked = ExitCode(3)
}

/// Writes one line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data(("earshot: " + message + "\n").utf8))
}

/// True when standard output is a terminal (a person is watching, not cron).
var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
