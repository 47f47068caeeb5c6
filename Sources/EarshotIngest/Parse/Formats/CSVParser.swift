import EarshotCore
import Foundation

/// Reads CSV exports of reviews or tickets (RFC 4180: quoted fields with doubled quotes,
/// commas and line breaks inside quotes, CRLF or LF; a UTF-8 BOM is skipped), mapping
/// columns to fields with the source's ``CSVMapping``.
///
/// RFC 4180 text is UTF-8, but spreadsheets export what they like: a UTF-16 file with a
/// byte-order mark (Excel's "Unicode text") is read as UTF-16, and a file that is not UTF-8
/// (Excel's default "CSV" on Windows) as Windows-1252 with a warning (``EncodingSniffer``).
///
/// A broken row (wrong number of fields, unreadable rating) is skipped with a warning that
/// names its line; a missing mapped column or an unterminated quote is an error.
public struct CSVParser: Sendable {
    public let mapping: CSVMapping

    public init(mapping: CSVMapping) { self.mapping = mapping }

    /// - Parameter charset: the transport's charset label, or nil.
    /// - Throws: ``EarshotError`` `.parse` naming the file and line.
    public func parse(_ bytes: [UInt8], path: String, charset: String? = nil) throws -> FeedDocument {
        let decoded = EncodingSniffer.decode(bytes, charset: charset, path: path)
        var document = try parse(utf8: decoded.bytes, path: path)
        document.warnings = decoded.warnings + document.warnings
        return document
    }

    private func parse(utf8 bytes: [UInt8], path: String) throws -> FeedDocument {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let text = String(decoding: body, as: UTF8.self)
        guard let delimiter = mapping.delimiter.unicodeScalars.first, mapping.delimiter.unicodeScalars.count == 1 else {
            throw EarshotError(.configuration, "csv.delimiter must be one character, got '\(mapping.delimiter)'")
        }
        let rows = try CSVParser.rows(text, delimiter: delimiter, path: path)
        guard let header = rows.first else { throw EarshotError(.parse, "\(path): the CSV file is empty; expected a header row") }
        let columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func column(_ name: String?, _ key: String) throws -> Int? {
            guard let name else { return nil }
            guard let index = columns.firstIndex(of: name.lowercased()) else {
                throw EarshotError(.parse, "\(path):\(header.line): csv.\(key) names column '\(name)', which the header does not have (columns: \(header.fields.joined(separator: ", ")))")
            }
            return index
        }
        let textColumn = try column(mapping.text, "text")!
        let idColumn = try column(mapping.id, "id"), titleColumn = try column(mapping.title, "title")
        let ratingColumn = try column(mapping.rating, "rating"), publishedColumn = try column(mapping.published, "published")
        let authorColumn = try column(mapping.author, "author"), linkColumn = try column(mapping.link, "link")

        var document = FeedDocument(format: .csv)
        for row in rows.dropFirst() {
            if row.fields.count == 1, row.fields[0].isEmpty { continue }
            guard row.fields.count == columns.count else {
                document.warnings.append("\(path):\(row.line): row has \(row.fields.count) fields, the header has \(columns.count); row skipped (check its quotes)")
                continue
            }
            func field(_ index: Int?) -> String? {
                guard let index else { return nil }
                let value = row.fields[index].trimmingCharacters(in: .whitespacesAndNewlines)
                return value.isEmpty ? nil : value
            }
            var item = FeedItem()
            item.id = field(idColumn)
            item.title = field(titleColumn)
            item.content = field(textColumn)
            item.author = field(authorColumn)
            item.link = field(linkColumn)
            item.publishedText = field(publishedColumn)
            if let published = item.publishedText {
                item.published = FeedDate.parse(published)
                if item.published == nil { document.warnings.append("\(path):\(row.line): unreadable date '\(published)'; left empty") }
            }
            if let rating = field(ratingColumn) {
                item.rating = StarRating.normalise(value: rating, best: nil, worst: nil)
                if item.rating == nil { document.warnings.append("\(path):\(row.line): rating '\(rating)' is not a number from 1 to 5; left empty") }
            }
            if item.id == nil { item.id = "line-\(row.line)" }
            document.items.append(item)
        }
        return document
    }

    struct Row {
        var line: Int
        var fields: [String]
    }

    /// Splits `text` into records; each remembers the line it starts on.
    static func rows(_ text: String, delimiter: Unicode.Scalar, path: String) throws -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var inQuotes = false
        var line = 1
        var rowLine = 1
        var quoteLine = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        var fieldStarted = false
        while let c = next() {
            if inQuotes {
                if c == "\"" {
                    if let following = next() {
                        if following == "\"" { field.append("\"") } else { inQuotes = false; pending = following }
                    } else { inQuotes = false }
                } else {
                    if c == "\n" { line += 1 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case "\"" where !fieldStarted:
                inQuotes = true
                fieldStarted = true
                quoteLine = line
            case delimiter:
                fields.append(String(field))
                field = String.UnicodeScalarView()
                fieldStarted = false
            case "\r":
                if let following = next(), following != "\n" { pending = following }
                fallthrough
            case "\n":
                fields.append(String(field))
                rows.append(Row(line: rowLine, fields: fields))
                fields = []
                field = String.UnicodeScalarView()
                fieldStarted = false
                line += 1
                rowLine = line
            default:
                field.append(c)
                fieldStarted = true
            }
        }
        if inQuotes {
            throw EarshotError(.parse, "\(path):\(quoteLine): a quoted field is never closed; check for a stray \" on that line")
        }
        if fieldStarted || !fields.isEmpty || !field.isEmpty {
            fields.append(String(field))
            rows.append(Row(line: rowLine, fields: fields))
        }
        return rows
    }
}
