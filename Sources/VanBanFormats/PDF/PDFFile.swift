import CPDFShim
import VanBanText

/// A word placed on a page: text, box in points from the page's top-left
/// corner, font size, weight, and for OCR'd words the engine's confidence (0–100).
public struct PlacedWord: Sendable, Equatable {
    public var text: String
    public var x0: Double, y0: Double, x1: Double, y1: Double
    /// Font size in points (for OCR'd words, estimated from the line height).
    public var size: Double
    public var bold: Bool
    /// Tesseract's confidence, 0–100; nil for words from a text layer.
    public var confidence: Double?

    public init(_ text: String, x0: Double, y0: Double, x1: Double, y1: Double, size: Double, bold: Bool = false, confidence: Double? = nil) {
        self.text = text; self.x0 = x0; self.y0 = y0; self.x1 = x1; self.y1 = y1
        self.size = size; self.bold = bold; self.confidence = confidence
    }

    var centerX: Double { (x0 + x1) / 2 }
    var centerY: Double { (y0 + y1) / 2 }
    var height: Double { y1 - y0 }
}

/// An 8-bit gray image of a rendered page (row-major, 0 black … 255 white).
public struct GrayImage: Sendable {
    public var width: Int
    public var height: Int
    public var pixels: [UInt8]
    /// Pixels per inch it was rendered at.
    public var dpi: Double
}

/// Why a PDF could not be opened.
enum PDFOpenFailure: Error {
    case encrypted, damaged(String), other(String)
}

/// One open PDF (poppler). Not thread-safe: use it from one thread.
final class PDFFile {
    private let handle: OpaquePointer

    init(bytes: [UInt8]) throws(PDFOpenFailure) {
        var status: Int32 = 0
        var err = [CChar](repeating: 0, count: 256)
        let opened = bytes.withUnsafeBufferPointer { buf in
            vb_pdf_open(buf.baseAddress, buf.count, &status, &err, Int32(err.count))
        }
        guard let opened else {
            let reason = String(decoding: err.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            switch status {
            case Int32(VB_PDF_ENCRYPTED): throw .encrypted
            case Int32(VB_PDF_DAMAGED): throw .damaged(reason)
            default: throw .other(reason)
            }
        }
        handle = opened
    }

    deinit { vb_pdf_close(handle) }

    var pageCount: Int { Int(vb_pdf_page_count(handle)) }

    func pageSize(_ page: Int) -> (width: Double, height: Double)? {
        var w = 0.0, h = 0.0
        guard vb_pdf_page_size(handle, Int32(page), &w, &h) == 0, w > 0, h > 0, w.isFinite, h.isFinite else { return nil }
        return (w, h)
    }

    /// The words of a page's text layer, in the layer's order.
    func words(page: Int) -> [PlacedWord] {
        var t = vb_page_text()
        guard vb_pdf_page_text(handle, Int32(page), &t) == 0 else { return [] }
        defer { vb_page_text_free(&t) }
        guard let cText = t.text else { return [] }
        let text = String(cString: cText)
        let rectCount = Int(t.rect_count)
        var runs: [(start: Int, end: Int, size: Double, bold: Bool)] = []
        for i in 0..<Int(t.run_count) {
            runs.append((Int(t.run_start[i]), Int(t.run_end[i]), t.run_size[i], t.run_bold[i] != 0))
        }
        var words: [PlacedWord] = []
        var current = ""
        var box = (x0: 0.0, y0: 0.0, x1: 0.0, y1: 0.0)
        var size = 0.0, bold = true, last: vb_rect?
        var runIndex = 0
        func flush() {
            if !current.isEmpty { words.append(PlacedWord(current, x0: box.x0, y0: box.y0, x1: box.x1, y1: box.y1, size: size, bold: bold)) }
            current = ""; bold = true; size = 0; last = nil
        }
        var index = 0
        for scalar in text.unicodeScalars {
            defer { index += 1 }
            guard index < rectCount else { break }
            let r = t.rects[index]
            if scalar.properties.isWhitespace || scalar.value < 0x20 || !(r.x0.isFinite && r.y0.isFinite && r.x1.isFinite && r.y1.isFinite) {
                flush(); continue
            }
            while runIndex < runs.count, runs[runIndex].end < index { runIndex += 1 }
            let run = runIndex < runs.count && runs[runIndex].start <= index ? runs[runIndex] : nil
            let glyphSize = run?.size ?? (r.y1 - r.y0)
            // A jump back or a wide gap inside a "word" is two words the layer glued together.
            if let l = last, r.x0 < l.x0 - 1 || r.x0 - l.x1 > max(glyphSize, 1) * 0.6 || abs((r.y0 + r.y1) / 2 - (l.y0 + l.y1) / 2) > max(glyphSize, 1) * 0.5 {
                flush()
            }
            if current.isEmpty {
                box = (r.x0, r.y0, r.x1, r.y1)
            } else {
                box = (min(box.x0, r.x0), min(box.y0, r.y0), max(box.x1, r.x1), max(box.y1, r.y1))
            }
            current.unicodeScalars.append(scalar)
            size = max(size, glyphSize)
            bold = bold && (run?.bold ?? false)
            last = r
        }
        flush()
        return words
    }

    /// The page rendered to gray at `dpi`; nil when it cannot be (or would be over `maxPixels`).
    func render(page: Int, dpi: Double, maxPixels: Int = 120_000_000) -> GrayImage? {
        var w: Int32 = 0, h: Int32 = 0
        guard let data = vb_pdf_render_gray(handle, Int32(page), dpi, Int64(maxPixels), &w, &h) else { return nil }
        defer { vb_free(data) }
        let count = Int(w) * Int(h)
        return GrayImage(width: Int(w), height: Int(h), pixels: Array(UnsafeBufferPointer(start: data, count: count)), dpi: dpi)
    }
}

/// Tesseract, one engine per thread.
final class OCREngine {
    private let handle: OpaquePointer

    /// nil when Tesseract or its data for `language` is not installed.
    init?(language: String = "vie") {
        guard let h = vb_ocr_new(nil, language) else { return nil }
        handle = h
    }

    deinit { vb_ocr_free(handle) }

    /// The words of an image, boxes converted to points (offset by `origin`, in pixels,
    /// for an image cut from a page). `layout`: how Tesseract segments it.
    enum Layout: Int32 { case page = 3, block = 6, line = 7 }
    func words(in image: GrayImage, layout: Layout = .page, origin: (x: Int, y: Int) = (0, 0)) -> [PlacedWord] {
        var list: UnsafeMutablePointer<vb_ocr_word>?
        var count: Int32 = 0
        let status = image.pixels.withUnsafeBufferPointer { buf in
            vb_ocr_recognize_mode(handle, buf.baseAddress, Int32(image.width), Int32(image.height), Int32(image.dpi.rounded()),
                                  layout.rawValue, &list, &count)
        }
        guard status == 0, let list else { return [] }
        defer { vb_ocr_words_free(list, count) }
        let scale = 72 / image.dpi
        var words: [PlacedWord] = []
        for i in 0..<Int(count) {
            let w = list[i]
            guard let t = w.text else { continue }
            let text = String(cString: t).trimmingSpaces()
            guard !text.isEmpty else { continue }
            let y0 = Double(Int(w.y0) + origin.y) * scale, y1 = Double(Int(w.y1) + origin.y) * scale
            words.append(PlacedWord(text, x0: Double(Int(w.x0) + origin.x) * scale, y0: y0, x1: Double(Int(w.x1) + origin.x) * scale, y1: y1,
                                    size: 0, bold: false, confidence: Double(w.confidence)))
        }
        return words
    }
}
