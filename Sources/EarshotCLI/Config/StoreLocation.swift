import EarshotCore
import Foundation

/// Where the SQLite store of a configuration lives: `store.path` (relative to the config's
/// folder), else `.earshot/earshot.sqlite` in the working directory, as DESIGN.md fixes it.
enum StoreLocation {
    /// The store file for `configuration`.
    /// - Parameter workingDirectory: the folder a default store lives in; default: the process's.
    static func sqliteFile(for configuration: EarshotConfiguration,
                           workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) -> URL {
        configuration.store.path.map(configuration.resolve) ?? workingDirectory.appendingPathComponent(".earshot/earshot.sqlite")
    }
}
