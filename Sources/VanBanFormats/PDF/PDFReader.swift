import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import VanBanModel
import VanBanText

/// When to read a PDF page by OCR.
public enum OCRMode: String, Sendable, CaseIterable {
    /// Only pages without a text layer (scans): the default, fast for born-digital PDFs.
    case auto
    /// Every page, ignoring the text layer (a layer known to be garbage).
    case always
    /// Never: pages without a text layer are read as empty, with a warning.
    case never
}

/// Limits and choices for reading a PDF.
public struct PDFOptions: Sendable {
    public static let defaultMaxPages = 500
    public var ocr: OCRMode
    /// PDFs with more pages are refused.
    public var maxPages: Int
    /// Tesseract language data to use (`vie`, installed by `tesseract-ocr-vie`).
    public var ocrLanguage: String
    /// Pages OCR'd at once (one Tesseract engine each).
    public var threads: Int
    /// Called after each page is read: a supervisor counts pages, not files,
    /// against its time limit (a 300-page scan is slow but not stuck).
    public var onPage: (@Sendable () -> Void)?

    public init(ocr: OCRMode = .auto, maxPages: Int = defaultMaxPages, ocrLanguage: String = "vie", threads: Int = 0) {
        self.ocr = ocr; self.maxPages = maxPages; self.ocrLanguage = ocrLanguage
        self.threads = threads > 0 ? threads : PDFReader.availableCores
    }
}

/// What the PDF reader made of a file.
public struct PDFRead: Sendable {
    public var items: [FormatItem]
    public var warnings: [Warning]
    public var pageCount: Int
    /// 1-based numbers of the pages read by OCR.
    public var ocrPages: [Int]
}

/// Reads a PDF into the same lines and tables as the DOCX and HTML readers:
/// text with positions from the text layer (poppler) or from OCR (Tesseract)
/// for pages that are images; rules found on the rendered page make tables;
/// two columns of text side by side (the header, `Nơi nhận` beside the
/// signature) make a two-cell table; running headers, footers and page
/// numbers are dropped; lines are joined into paragraphs by their geometry.
///
/// ```swift
/// let read = try PDFReader.read(bytes, options: PDFOptions(ocr: .auto))
/// read.ocrPages   // [] for a PDF exported from Word, [1, 2, 3] for a scan
/// ```
public enum PDFReader {
    /// Text-layer characters under which a page counts as an image (a scan).
    static let minTextCharacters = 20
    static let ocrDPI = 300.0
    static let ruleDPI = 100.0

    public static var availableCores: Int {
        var n = 0
        #if os(Linux)
        n = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        #endif
        return max(1, n)
    }

    public static func read(_ bytes: [UInt8], options: PDFOptions = PDFOptions()) throws(InputError) -> PDFRead {
        let file: PDFFile
        do {
            file = try PDFFile(bytes: bytes)
        } catch {
            switch error {
            case .encrypted: throw .encryptedPDF
            case let .damaged(reason), let .other(reason): throw .badPDF(reason.isEmpty ? "poppler could not open it" : reason)
            }
        }
        let pageCount = file.pageCount
        if pageCount <= 0 { throw .badPDF("it has no pages") }
        if pageCount > options.maxPages { throw .tooManyPages(pages: pageCount, limit: options.maxPages) }

        var pages: [PageContent] = []
        var needOCR: [Int] = []
        var warnings: [Warning] = []
        var unreadable: [Int] = []
        for p in 0..<pageCount {
            guard let size = file.pageSize(p) else { unreadable.append(p + 1); pages.append(PageContent(width: 595, height: 842)); continue }
            var page = PageContent(width: size.width, height: size.height)
            let words = options.ocr == .always ? [] : file.words(page: p)
            let characters = words.reduce(0) { $0 + $1.text.count }
            if options.ocr == .always || characters < minTextCharacters {
                // With --ocr never the page stays empty; the warning below names it.
                needOCR.append(p)
            }
            if options.ocr == .never || !needOCR.contains(p) {
                page.words = words
                // Rules matter only where text stands in columns: render just those pages.
                if PageLayout.lines(words, page: p + 1).contains(where: { PageLayout.columnGap($0) != nil }),
                   let image = file.render(page: p, dpi: ruleDPI) {
                    page.rules = RuleFinder.rules(in: image)
                }
                options.onPage?()
            }
            pages.append(page)
        }
        if !unreadable.isEmpty {
            warnings.append(Warning(.ocrDebris, "PDF pages \(PageList.describe(unreadable)) could not be read and were skipped"))
        }
        var ocrDone: [Int] = []
        if !needOCR.isEmpty {
            if options.ocr == .never {
                warnings.append(Warning(.ocr, "PDF pages \(PageList.describe(needOCR.map { $0 + 1 })) have no text layer and were not read (--ocr never)"))
            } else if let result = ocr(file: file, pages: needOCR, options: options) {
                var confidences: [Double] = []
                var lowLines: [(page: Int, text: String, confidence: Double)] = []
                for found in result {
                    let p = found.page
                    pages[p].words = found.words
                    pages[p].rules = found.rules
                    pages[p].ocr = true
                    confidences += found.words.compactMap(\.confidence)
                    for line in PageLayout.lines(found.words, page: p + 1) {
                        let c = line.words.compactMap(\.confidence)
                        let mean = c.isEmpty ? 100 : c.reduce(0, +) / Double(c.count)
                        if mean < 60 { lowLines.append((p + 1, line.text, mean)) }
                    }
                }
                ocrDone = result.map { $0.page + 1 }.sorted()
                let mean = confidences.isEmpty ? 0 : confidences.reduce(0, +) / Double(confidences.count)
                warnings.append(Warning(.ocr, "PDF pages \(PageList.describe(ocrDone)) read by OCR (Tesseract, \(options.ocrLanguage)); mean word confidence \(Int(mean.rounded()))/100"))
                if !lowLines.isEmpty {
                    let shown = lowLines.prefix(5).map { "p. \($0.page) (\(Int($0.confidence.rounded()))): \(String($0.text.prefix(60)))" }
                    warnings.append(Warning(.ocrLowConfidence, "\(lowLines.count) OCR'd lines read with low confidence, check them against the page: " + shown.joined(separator: "; ")))
                }
            } else {
                warnings.append(Warning(.ocr, "PDF pages \(PageList.describe(needOCR.map { $0 + 1 })) have no text layer and OCR is not available (install tesseract-ocr-\(options.ocrLanguage))"))
            }
        }
        let laid = PDFLayout.items(pages)
        warnings += laid.warnings
        return PDFRead(items: laid.items, warnings: warnings, pageCount: pageCount, ocrPages: ocrDone)
    }

    /// OCR of the given pages, `options.threads` at a time: pages are rendered
    /// one by one (poppler is used from this thread only), recognized in parallel.
    static func ocr(file: PDFFile, pages: [Int], options: PDFOptions) -> [(page: Int, words: [PlacedWord], rules: PageRules)]? {
        let threads = max(1, min(options.threads, pages.count, 64))
        var engines: [OCREngine] = []
        for _ in 0..<threads {
            guard let e = OCREngine(language: options.ocrLanguage) else { break }
            engines.append(e)
        }
        guard !engines.isEmpty else { return nil }
        let pool = EnginePool(engines)
        var out: [(page: Int, words: [PlacedWord], rules: PageRules)] = []
        var start = 0
        while start < pages.count {
            let batch = Array(pages[start..<min(start + engines.count, pages.count)])
            start += batch.count
            let images = batch.map { file.render(page: $0, dpi: ocrDPI) }
            let results = ResultSlots<(words: [PlacedWord], rules: PageRules)>(count: batch.count)
            DispatchQueue.concurrentPerform(iterations: batch.count) { k in
                guard let image = images[k] else { results.set(k, ([], PageRules())); return }
                // A table's borders are found first and erased, so that OCR reads only the text in its cells.
                let rules = RuleFinder.rules(in: image)
                let grid = rules.grid
                let clean = grid.horizontal.isEmpty ? image : image.erasing(grid)
                var found = pool.engines[k].words(in: clean)
                if !grid.horizontal.isEmpty {
                    found = HeaderCells.reread(engine: pool.engines[k], image: clean, grid: grid, found: found)
                    found += CellRetry.words(engine: pool.engines[k], image: clean, grid: grid, found: found)
                }
                let words = OCRWords.clean(found)
                results.set(k, (words, rules))
            }
            for (k, p) in batch.enumerated() {
                let r = results.get(k) ?? ([], PageRules())
                out.append((p, r.words, r.rules))
                options.onPage?()
            }
        }
        return out
    }
}

/// One page before layout.
struct PageContent: Sendable {
    var width: Double
    var height: Double
    var words: [PlacedWord] = []
    var rules = PageRules()
    var ocr = false
}

/// Engines shared by index: slot k is used by one thread at a time.
final class EnginePool: @unchecked Sendable {
    let engines: [OCREngine]
    init(_ engines: [OCREngine]) { self.engines = engines }
}

/// Results written by index from parallel work, each slot by one thread.
final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = DispatchSemaphore(value: 1)
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ k: Int, _ value: T) { lock.wait(); slots[k] = value; lock.signal() }
    func get(_ k: Int) -> T? { lock.wait(); defer { lock.signal() }; return slots[k] }
}

/// OCR output tidied: table borders read as letters dropped, noise dropped,
/// each word given a font size from its line's height.
enum OCRWords {
    static let borderCharacters: Set<Character> = ["|", "_", "—", "–", "[", "]", "¦", "‖", "=", "~"]

    static func clean(_ words: [PlacedWord]) -> [PlacedWord] {
        var kept = words.filter { w in
            guard !w.text.allSatisfy({ borderCharacters.contains($0) }) else { return false }
            return (w.confidence ?? 100) >= 15 || w.text.count > 2
        }
        // A symbol's `Đ` read twice (`4385/QĐĐ-BVHTTDL`): no Vietnamese word or symbol doubles it.
        // (Tesseract writes some as the look-alike `Ð`, U+00D0, which the cleaner would repair anyway.)
        for k in kept.indices where kept[k].text.contains("/") || kept[k].text.contains("-") {
            let t = kept[k].text.replacingOccurrences(of: "\u{00D0}", with: "Đ")
            if t.contains("ĐĐ") { kept[k].text = t.replacingOccurrences(of: "ĐĐ", with: "Đ") }
        }
        let heights = kept.map { $0.y1 - $0.y0 }.filter { $0 > 0 }.sorted()
        let typical = heights.isEmpty ? 10 : heights[heights.count / 2]
        // A word's box (accents included) is a little under the font size.
        for k in kept.indices { kept[k].size = max(4, typical * 1.2) }
        return kept
    }
}

/// `1–3, 5, 7–9` from page numbers.
enum PageList {
    static func describe(_ pages: [Int]) -> String {
        var parts: [String] = []
        var i = 0
        let p = pages.sorted()
        while i < p.count {
            var j = i
            while j + 1 < p.count, p[j + 1] == p[j] + 1 { j += 1 }
            parts.append(j > i ? "\(p[i])–\(p[j])" : "\(p[i])")
            i = j + 1
        }
        return parts.joined(separator: ", ")
    }
}
