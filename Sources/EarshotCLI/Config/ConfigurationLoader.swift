import EarshotCore
import EarshotIngest
import Foundation
import Yams

/// Finds and reads the configuration: `--config FILE`, else `./earshot.yaml`, else the
/// bundled `feeds/earshot.yaml` (in the working directory, or installed beside the binary).
struct ConfigurationLoader {
    /// The config file to read for `explicit` (the `--config` value, if any).
    /// - Throws: ``EarshotError`` `.configuration` when no config can be found.
    func locate(_ explicit: String?) throws -> URL {
        let fileManager = FileManager.default
        if let explicit {
            let url = URL(fileURLWithPath: explicit).standardizedFileURL
            guard fileManager.fileExists(atPath: url.path) else {
                throw EarshotError(.configuration, "no config file at \(url.path); check the --config path")
            }
            return url
        }
        let cwd = URL(fileURLWithPath: fileManager.currentDirectoryPath)
        var candidates = [cwd.appendingPathComponent("earshot.yaml"), cwd.appendingPathComponent("feeds/earshot.yaml")]
        candidates += InstallLayout.dataDirectories.map { $0.appendingPathComponent("feeds/earshot.yaml") }
        guard let found = candidates.first(where: { fileManager.fileExists(atPath: $0.path) }) else {
            throw EarshotError(.configuration, "no earshot.yaml here and no bundled feeds/earshot.yaml; pass --config FILE (see README: Configuration)")
        }
        return found.standardizedFileURL
    }

    /// Reads, decodes and validates the config at `url`.
    /// - Throws: ``EarshotError`` `.configuration` naming the file and the offending key.
    func load(_ url: URL) throws -> EarshotConfiguration {
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw EarshotError(.configuration, "cannot read the config as UTF-8 text", place: .init(file: url.path))
        }
        var configuration: EarshotConfiguration
        do {
            configuration = try YAMLDecoder().decode(EarshotConfiguration.self, from: text)
        } catch let error as DecodingError {
            throw EarshotError(.configuration, ConfigurationLoader.describe(error), place: .init(file: url.path))
        } catch let error as YamlError {
            throw EarshotError(.configuration, "not valid YAML: \(error)", place: .init(file: url.path))
        } catch {
            throw EarshotError(.configuration, "cannot read the config", place: .init(file: url.path), cause: error)
        }
        configuration.baseDirectory = url.deletingLastPathComponent()
        do {
            try configuration.validate()
            try MentionMatcher.validate(configuration.brands)
        } catch var error as EarshotError {
            error.place = .init(file: url.path)
            throw error
        }
        return configuration
    }

    /// A one-line account of a decoding error: the key path and what was expected.
    static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            let text = codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
            let trimmed = text.hasPrefix(".") ? String(text.dropFirst()) : text
            return trimmed.isEmpty ? "the top level" : trimmed
        }
        switch error {
        case .keyNotFound(let key, let context):
            let at = path(context.codingPath)
            return "missing key '\(key.stringValue)'\(at == "the top level" ? "" : " in \(at)")"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)): expected \(ConfigurationLoader.name(of: type))"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)): expected \(ConfigurationLoader.name(of: type)), found nothing"
        case .dataCorrupted(let context):
            if context.debugDescription.hasPrefix("unknown key") { return context.debugDescription }
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return String(describing: error)
        }
    }

    private static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Int.Type: return "a whole number"
        case is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        default:
            let name = String(describing: type)
            return name.hasPrefix("Array") ? "a list" : name.hasPrefix("Dictionary") ? "a mapping" : "a \(name)"
        }
    }
}
