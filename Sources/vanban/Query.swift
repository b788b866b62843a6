import ArgumentParser
import Foundation
import VanBanExtract
import VanBanJSON
import VanBanModel
import VanBanStore

struct Query: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ask the index: tasks, agencies, citations, deadlines, targets, documents.",
        discussion: "Agency names, numbers and texts match whatever the abbreviations, case or diacritics.",
        subcommands: [Tasks.self, Agencies.self, Citations.self, Implementers.self, Deadlines.self, Targets.self, Documents.self, Show.self, Errors.self]
    )

    struct Tasks: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Tasks an agency leads (or supports).")
        @Option(name: .long, help: "The agency, in any spelling: \"Sở GDĐT\", \"Sở Giáo dục và Đào tạo\".")
        var agency: String?
        @Option(name: .long, help: "lead (default) or support.")
        var role: String = "lead"
        @OptionGroup var place: PlaceOptions
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: FormatOptions

        func run() throws {
            guard let r = TaskQuery.Role(rawValue: role) else { throw ValidationError("--role is 'lead' or 'support', not '\(role)'") }
            let filter = try place.filter()
            try RowPrinter.print(try store.open().tasks(TaskQuery(agency: agency, role: r, place: filter)), as: output.format)
        }
    }

    struct Agencies: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Canonical agencies with the tasks they lead and the documents naming them.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: FormatOptions
        func run() throws { try RowPrinter.print(try store.open().agencies(), as: output.format) }
    }

    struct Citations: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Which documents cite a number, or what a document cites.")
        @Option(name: .long, help: "A cited number: 1373/QĐ-TTg.")
        var cites: String?
        @Option(name: .long, help: ArgumentHelp("A stored document (id, number or file name): list what it cites.", valueName: "DOC"))
        var of: String?
        @Option(name: .long, help: ArgumentHelp(
            "Whose document: words of the issuer's name or a province ('Đồng Nai'). With --cites, the cited document's issuer; with --of, the stored one's.",
            valueName: "ISSUER"))
        var issuer: String?
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: FormatOptions
        @Flag(name: .long, help: "With --cites: the plans implementing it directly or through plans that implement it (national → province → district).")
        var transitive = false
        func run() throws {
            if transitive {
                guard let cites else { throw ValidationError("--transitive goes with --cites") }
                do { try RowPrinter.print(try store.open().implementers(ofNumber: cites, issuer: issuer), as: output.format) }
                catch let e as StoreError { throw CLIFailure(e.description) }
                return
            }
            do { try RowPrinter.print(try store.open().citations(CitationQuery(cites: cites, of: of, issuer: issuer)), as: output.format) }
            catch let e as StoreError { throw CLIFailure(e.description) }
        }
    }

    struct Implementers: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The plans implementing a stored document, directly or through each other, as a tree.",
            discussion: "A plan implements a document when it cites it with 'Thực hiện' or 'Căn cứ' and number, issuer and date agree.")
        @Argument(help: ArgumentHelp("The stored document (id, number or file name).", valueName: "DOC"))
        var document: String
        @Option(name: .long, help: issuerChoiceHelp)
        var issuer: String?
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: FormatOptions
        func run() throws {
            let db = try store.open()
            do {
                guard let root = try db.storedDocument(document, issuer: issuer) else { throw CLIFailure(StoreError.unknownDocument(document).description) }
                let rows = try db.implementers(of: root)
                guard output.format == .table else { return try RowPrinter.print(rows, as: output.format) }
                var lines = [[root.label, root.issuer ?? root.locality ?? "", root.issuedDate ?? ""].filter { !$0.isEmpty }.joined(separator: "  ")]
                func children(of label: String, depth: Int, indent: String) {
                    let kids = rows.filter { $0.depth == depth && $0.via == label }
                    for (k, r) in kids.enumerated() {
                        let last = k == kids.count - 1
                        lines.append(indent + (last ? "└─ " : "├─ ") + [r.document, r.locality ?? "", r.issuedDate ?? "", "(\(r.role))"]
                            .filter { !$0.isEmpty }.joined(separator: "  "))
                        children(of: r.document, depth: depth + 1, indent: indent + (last ? "   " : "│  "))
                    }
                }
                children(of: root.label, depth: 1, indent: "")
                print(lines.joined(separator: "\n"))
                if rows.isEmpty { print("(no stored plan implements it)") }
            } catch let e as StoreError { throw CLIFailure(e.description) }
        }
    }

    struct Deadlines: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Deadlines in a date range; yearly ones (--12-15) once per year in range.")
        @Option(name: .long, help: ArgumentHelp("Last day of the range, inclusive.", valueName: "YYYY-MM-DD"))
        var before: String
        @Option(name: .long, help: ArgumentHelp("First day of the range, inclusive (default: each plan's own year).", valueName: "YYYY-MM-DD"))
        var after: String?
        @Option(name: .long, help: "Only deadlines of tasks this agency leads.")
        var agency: String?
        @OptionGroup var place: PlaceOptions
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: FormatOptions
        func run() throws {
            let filter = try place.filter()
            do { try RowPrinter.print(try store.open().deadlines(DeadlineQuery(before: before, after: after, agency: agency, place: filter)),
                                      as: output.format) }
            catch let e as StoreError { throw CLIFailure(e.description) }
        }
    }

    struct Targets: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Numeric targets, by horizon year, indicator words and unit.")
        @Option(name: .long, help: "Horizon year: 2025.")
        var year: Int?
        @Option(name: .long, help: "Words of the indicator, any diacritics: \"năng lực thông tin\".")
        var indicator: String?
        @Option(name: .long, help: "Unit: %, lần, người ...")
        var unit: String?
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: FormatOptions
        func run() throws {
            try RowPrinter.print(try store.open().targets(TargetQuery(year: year, indicator: indicator, unit: unit)), as: output.format)
        }
    }

    struct Documents: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stored documents.")
        @Option(name: .long, help: "Document type code: KH, QĐ ...")
        var type: String?
        @Option(name: .long, help: "Words of the issuer's name.")
        var issuer: String?
        @Option(name: .long, help: ArgumentHelp("Issued on or after this date.", valueName: "YYYY-MM-DD"))
        var since: String?
        @OptionGroup var place: PlaceOptions
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: FormatOptions
        func run() throws {
            let filter = try place.filter()
            do { try RowPrinter.print(try store.open().documents(DocumentQuery(type: type, issuer: issuer, since: since, place: filter)),
                                      as: output.format) }
            catch let e as StoreError { throw CLIFailure(e.description) }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The stored contract JSON of one document.")
        @Argument(help: ArgumentHelp("Document id, number (322/KH-UBND) or file name.", valueName: "DOC"))
        var document: String
        @Option(name: .long, help: issuerChoiceHelp)
        var issuer: String?
        @OptionGroup var store: StoreOptions
        func run() throws {
            let found: Document?
            do { found = try store.open().document(document, issuer: issuer) } catch let e as StoreError { throw CLIFailure(e.description) }
            guard let doc = found else { throw CLIFailure(StoreError.unknownDocument(document).description) }
            print(try ContractJSON.string(doc, pretty: true))
        }
    }

    struct Errors: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Files that could not be imported, with the reason.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: FormatOptions
        func run() throws { try RowPrinter.print(try store.open().failures(), as: output.format) }
    }
}

/// `--province` and `--level`: only documents of a jurisdiction.
struct PlaceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Only documents of this province or city (as it is today: 'Hồ Chí Minh' includes plans of Bình Dương before the 2025 merger).",
        valueName: "NAME"))
    var province: String?
    @Option(name: .long, help: ArgumentHelp("Only documents issued at this level: national, province, district or commune.", valueName: "LEVEL"))
    var level: String?

    func filter() throws -> PlaceFilter {
        do { return try PlaceFilter(province: province, level: level) } catch let e as StoreError { throw CLIFailure(e.description) }
    }
}

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Full-text search over paragraphs, ranked (bm25), with snippets.")
    @Argument(help: "Words to find, with or without diacritics: \"so giao duc\".")
    var text: String
    @Option(name: .long, help: "Most hits to show.")
    var limit: Int = 20
    @OptionGroup var store: StoreOptions
    @OptionGroup var output: FormatOptions
    func run() throws { try RowPrinter.print(try store.open().search(text, limit: limit), as: output.format) }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Every stored document, for other systems (JSON Lines) or spreadsheets (CSV).",
        discussion: """
        --format jsonl (default): one contract object per line. --format csv --what tasks|deadlines|targets|citations:
        one table over the whole index, UTF-8 with BOM (opens in Excel), columns in a stable order starting with
        document, name, issuer, issuedDate; tasks give one row per lead.
        """
    )
    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, csv }
    @Option(name: .long, help: "jsonl (one contract object per line) or csv (one table; needs --what).")
    var format: Format = .jsonl
    @Option(name: .long, help: ArgumentHelp("The table for --format csv: tasks, deadlines, targets or citations.", valueName: "TABLE"))
    var what: String?
    @OptionGroup var store: StoreOptions

    func validate() throws {
        switch (format, what) {
        case (.csv, nil):
            throw ValidationError("--format csv needs --what tasks|deadlines|targets|citations")
        case let (.csv, w?) where ContractTable(rawValue: w) == nil:
            throw ValidationError("--what is tasks, deadlines, targets or citations, not '\(w)'")
        case (.jsonl, _?):
            throw ValidationError("--what goes with --format csv; JSON Lines export whole documents")
        default: break
        }
    }

    func run() throws {
        let db = try store.open()
        let out = FileHandle.standardOutput
        guard format == .csv, let table = what.flatMap(ContractTable.init) else {
            try db.exportDocuments { doc in out.write(Data((try ContractJSON.string(doc) + "\n").utf8)) }
            return
        }
        out.write(Data(("\u{FEFF}" + RowPrinter.csvLine(table.columns)).utf8))
        try db.exportDocuments { doc in
            var chunk = ""
            let place = Jurisdiction.of(doc)
            for row in table.rows(doc, level: place?.level.rawValue, locality: place?.locality) { chunk += RowPrinter.csvLine(row) }
            if !chunk.isEmpty { out.write(Data(chunk.utf8)) }
        }
    }
}

/// `--issuer` where a number may name several stored documents (`implementers`, `show`).
private let issuerChoiceHelp = ArgumentHelp("When several documents carry the number: words of the issuer's name or its province.", valueName: "ISSUER")
