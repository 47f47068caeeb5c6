import EarshotCore
import Foundation
import Yams

/// The silences in `silences.yaml`, the file beside the config.
///
/// The file is a YAML list of mappings:
/// ```yaml
/// - brand: Pinvale
///   kind: negative-spike      # optional: negative-spike or trust-drop
///   aspect: service           # optional: service, experience or all
///   until: 2026-12-01         # the last day it holds, YYYY-MM-DD (UTC)
///   reason: "refund backlog, support team is on it"
/// ```
/// A missing or empty file silences nothing; an expired entry is ignored.
struct SilenceList: Sendable, Equatable {
    /// The file name looked for beside the config.
    static let fileName = "silences.yaml"

    var silences: [Silence]

    init(_ silences: [Silence] = []) { self.silences = silences }

    /// `silences.yaml` in the folder of the config that `configuration` was read from.
    static func file(beside configuration: EarshotConfiguration) -> URL {
        configuration.baseDirectory.appendingPathComponent(fileName)
    }

    /// Reads the silences beside the config; none when there is no such file.
    /// - Throws: ``EarshotError`` `.configuration` naming the file, the line and the entry.
    static func load(beside configuration: EarshotConfiguration) throws -> SilenceList {
        let url = file(beside: configuration)
        guard FileManager.default.fileExists(atPath: url.path) else { return SilenceList() }
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw EarshotError(.configuration, "cannot read the silences as UTF-8 text", place: .init(file: url.path))
        }
        return try parse(text, file: url.path)
    }

    /// The alerts of `alerts` that no silence mutes on `asOf`, in order.
    func unmuted(_ alerts: [Alert], asOf: Day) -> [Alert] {
        alerts.filter { alert in !silences.contains { $0.mutes(alert, asOf: asOf) } }
    }

    /// Parses the text of a silences file.
    /// - Parameter file: the path shown in errors.
    /// - Throws: ``EarshotError`` `.configuration` with the file, line and column, naming the entry.
    static func parse(_ text: String, file: String) throws -> SilenceList {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw EarshotError(.configuration, "not valid YAML: \(error)", place: .init(file: file))
        }
        guard let root else { return SilenceList() }
        if let scalar = root.scalar, ["", "~", "null"].contains(scalar.string) { return SilenceList() }
        guard let entries = root.sequence else {
            throw failure("expected a list of silences (`- brand: ...`, `until: YYYY-MM-DD`)", at: root, file: file)
        }
        var silences: [Silence] = []
        for (index, entry) in entries.enumerated() {
            silences.append(try silence(entry, number: index + 1, file: file))
        }
        return SilenceList(silences)
    }

    private static let keys: Set<String> = ["brand", "kind", "aspect", "until", "reason"]

    private static func silence(_ node: Node, number: Int, file: String) throws -> Silence {
        let entry = "silence \(number)"
        guard let mapping = node.mapping else {
            throw failure("\(entry): expected a mapping with brand and until", at: node, file: file)
        }
        var values: [String: (text: String, node: Node)] = [:]
        for (key, value) in mapping {
            let name = key.string ?? ""
            guard keys.contains(name) else {
                throw failure("\(entry): unknown key '\(name)'; expected brand, kind, aspect, until, reason", at: key, file: file)
            }
            guard let text = value.string else {
                throw failure("\(entry): \(name) must be text", at: value, file: file)
            }
            values[name] = (text, value)
        }
        guard let brand = values["brand"], !brand.text.isEmpty else {
            throw failure("\(entry): missing key 'brand'", at: node, file: file)
        }
        guard let until = values["until"] else {
            throw failure("\(entry) (\(brand.text)): missing key 'until'; a silence must expire (YYYY-MM-DD)", at: node, file: file)
        }
        guard let day = Day(until.text) else {
            throw failure("\(entry) (\(brand.text)): until must be a date as YYYY-MM-DD, got '\(until.text)'", at: until.node, file: file)
        }
        var kind: AlertKind?
        if let given = values["kind"] {
            guard let parsed = AlertKind(rawValue: given.text) else {
                let known = AlertKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw failure("\(entry) (\(brand.text)): unknown kind '\(given.text)'; expected one of \(known)", at: given.node, file: file)
            }
            kind = parsed
        }
        var aspect: String?
        if let given = values["aspect"] {
            guard ["service", "experience", "all"].contains(given.text) else {
                throw failure("\(entry) (\(brand.text)): unknown aspect '\(given.text)'; expected service, experience or all", at: given.node, file: file)
            }
            aspect = given.text
        }
        return Silence(brand: brand.text, kind: kind, aspect: aspect, until: day, reason: values["reason"]?.text)
    }

    private static func failure(_ message: String, at node: Node, file: String) -> EarshotError {
        EarshotError(.configuration, message, place: .init(file: file, line: node.mark?.line, column: node.mark?.column))
    }
}
