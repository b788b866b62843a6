import ArgumentParser
import Foundation
import VanBanJSON
import VanBanPostgres
import VanBanStore

/// How query results are printed.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, jsonl, csv
}

/// Options shared by every command that reads the index.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The index: a SQLite file, or a PostgreSQL URL (postgres://user@host:port/db). Default: $VANBAN_DB, else ./vanban.sqlite.",
        valueName: "FILE|URL"))
    var db: String?

    var path: String { db ?? ProcessInfo.processInfo.environment["VANBAN_DB"] ?? "vanban.sqlite" }

    /// Opens the index to read it; a path with no index is an error (`no index at PATH; ...`).
    func open() throws -> any DocumentStore { try open(create: false) }

    /// Opens the index; only `ingest` passes `create`.
    func open(create: Bool) throws -> any DocumentStore {
        do {
            if path.hasPrefix("postgres://") || path.hasPrefix("postgresql://") { return try PostgresStore(url: path, create: create) }
            return try SQLiteStore(path: path, create: create)
        } catch let e as StoreError { throw CLIFailure(e.description) }
    }
}

struct FormatOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: table (aligned, for reading), json, jsonl or csv (UTF-8 with BOM, for Excel).")
    var format: OutputFormat = .table
}

/// A failure to report as `vanban: message` with exit status 1.
struct CLIFailure: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

enum RowPrinter {
    static func print<R: TabularRow>(_ rows: [R], as format: OutputFormat) throws {
        var out = ""
        switch format {
        case .json:
            out = try ContractJSON.string(rows, pretty: true) + "\n"
        case .jsonl:
            for r in rows { out += try ContractJSON.string(r) + "\n" }
        case .csv:
            out = "\u{FEFF}" + csvLine(R.columns)
            for r in rows { out += csvLine(r.cells) }
        case .table:
            out = table(R.columns, rows.map(\.cells))
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }

    static func csvLine(_ cells: [String]) -> String {
        cells.map { c in
            c.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + c.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : c
        }.joined(separator: ",") + "\r\n"
    }

    /// Columns padded to their widest cell; long cells cut to 70 characters.
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        let cut = rows.map { $0.map { $0.count > 70 ? String($0.prefix(69)) + "…" : $0 } }
        var widths = header.map(\.count)
        for r in cut { for (k, c) in r.enumerated() { widths[k] = max(widths[k], c.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { k, c in k == cells.count - 1 ? c : c + String(repeating: " ", count: widths[k] - c.count) }
                .joined(separator: "  ") + "\n"
        }
        var s = line(header) + line(widths.map { String(repeating: "-", count: $0) })
        for r in cut { s += line(r) }
        s += "(\(rows.count) row\(rows.count == 1 ? "" : "s"))\n"
        return s
    }
}
