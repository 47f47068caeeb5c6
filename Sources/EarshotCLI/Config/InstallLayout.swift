import EarshotCore
import Foundation

/// Where earshot finds its bundled data (lexicons, demo feeds) when the config does not say:
/// the working directory, then beside the binary, then `../share/earshot` from the binary,
/// then the package checkout the binary was built in (`.build/<config>/earshot`).
enum InstallLayout {
    static var dataDirectories: [URL] {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        return [
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
            binary,
            binary.appendingPathComponent("../share/earshot").standardizedFileURL,
            binary.appendingPathComponent("../../..").standardizedFileURL,
        ]
    }

    /// The lexicon folder: the config's `lexicons:` (relative to the config), else the first
    /// `lexicons/` folder in ``dataDirectories`` that holds `en/valence.tsv`.
    static func lexicons(for configuration: EarshotConfiguration?) -> URL? {
        if let path = configuration?.lexicons { return configuration!.resolve(path) }
        var candidates: [URL] = []
        if let configuration { candidates.append(configuration.baseDirectory.appendingPathComponent("lexicons")) }
        candidates += dataDirectories.map { $0.appendingPathComponent("lexicons") }
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("en/valence.tsv").path) }
    }
}
