/// A straight rule drawn on a page (a table border), in points.
struct Rule: Sendable, Equatable {
    /// For a horizontal rule: y, and x0...x1; for a vertical one: x, and y0...y1.
    var at: Double
    var from: Double
    var to: Double
}

/// The horizontal and vertical rules of a rendered page.
struct PageRules: Sendable {
    var horizontal: [Rule] = []
    var vertical: [Rule] = []

    /// The rules that cross at least two of the other direction: a table's grid,
    /// not an underline or a rule under the header.
    var grid: PageRules {
        guard horizontal.count < 5000, vertical.count < 5000 else { return PageRules() }
        return PageRules(horizontal: horizontal.filter { h in vertical.filter { Self.crosses(h, $0) }.count >= 2 },
                         vertical: vertical.filter { v in horizontal.filter { Self.crosses($0, v) }.count >= 2 })
    }

    /// How far apart (points) two rules may be and still meet.
    static let tolerance = 3.0

    /// A horizontal and a vertical rule that meet or cross.
    static func crosses(_ h: Rule, _ v: Rule) -> Bool {
        let tol = tolerance
        return h.at >= v.from - tol && h.at <= v.to + tol && v.at >= h.from - tol && v.at <= h.to + tol
    }
}

extension GrayImage {
    /// The image with the given rules painted white (OCR reads table borders as `|`, `ˆ`, `...`).
    func erasing(_ rules: PageRules) -> GrayImage {
        var out = self
        let scale = dpi / 72
        let pad = max(2, Int((dpi / 100).rounded()) + 1)
        out.pixels.withUnsafeMutableBufferPointer { px in
            for r in rules.horizontal {
                let y = Int((r.at * scale).rounded()), x0 = max(0, Int(r.from * scale) - pad), x1 = min(width - 1, Int(r.to * scale) + pad)
                guard x0 <= x1 else { continue }
                for yy in max(0, y - pad)...min(height - 1, y + pad) { for x in x0...x1 { px[yy * width + x] = 255 } }
            }
            for r in rules.vertical {
                let x = Int((r.at * scale).rounded()), y0 = max(0, Int(r.from * scale) - pad), y1 = min(height - 1, Int(r.to * scale) + pad)
                guard y0 <= y1 else { continue }
                for xx in max(0, x - pad)...min(width - 1, x + pad) { for y in y0...y1 { px[y * width + xx] = 255 } }
            }
        }
        return out
    }
}

/// Finds table borders in a rendered page: runs of dark pixels at least
/// `minLength` points long, rows (or columns) of pixels that touch merged into
/// one rule. Small breaks (a scan's speckle, a line drawn in pieces) are bridged.
enum RuleFinder {
    static let darkThreshold: UInt8 = 170

    static func rules(in image: GrayImage, minHorizontal: Double = 18, minVertical: Double = 9) -> PageRules {
        let w = image.width, h = image.height
        guard w > 0, h > 0, image.pixels.count >= w * h else { return PageRules() }
        let scale = 72 / image.dpi
        let bridge = max(1, Int((image.dpi / 100).rounded()))
        let minH = max(4, Int(minHorizontal / scale)), minV = max(4, Int(minVertical / scale))
        var hRuns: [(pos: Int, from: Int, to: Int)] = []
        image.pixels.withUnsafeBufferPointer { px in
            for y in 0..<h {
                scanRuns(count: w, minLength: minH, bridge: bridge, dark: { px[y * w + $0] < darkThreshold }) { hRuns.append((y, $0, $1)) }
            }
        }
        var vRuns: [(pos: Int, from: Int, to: Int)] = []
        image.pixels.withUnsafeBufferPointer { px in
            for x in 0..<w {
                scanRuns(count: h, minLength: minV, bridge: bridge, dark: { px[$0 * w + x] < darkThreshold }) { vRuns.append((x, $0, $1)) }
            }
        }
        return PageRules(horizontal: merge(hRuns, scale: scale), vertical: merge(vRuns, scale: scale))
    }

    /// Calls `found(start, end)` for every run of dark pixels of at least `minLength`, gaps up to `bridge` bridged.
    @inline(__always)
    private static func scanRuns(count: Int, minLength: Int, bridge: Int, dark: (Int) -> Bool, found: (Int, Int) -> Void) {
        var i = 0
        while i < count {
            guard dark(i) else { i += 1; continue }
            let start = i
            var end = i
            var j = i + 1
            while j < count {
                if dark(j) { end = j; j += 1; continue }
                if j - end > bridge { break }
                j += 1
            }
            if end - start + 1 >= minLength { found(start, end) }
            i = max(end + 1, i + 1)
        }
    }

    /// Runs on neighbouring pixel rows that overlap become one rule at their middle.
    private static func merge(_ runs: [(pos: Int, from: Int, to: Int)], scale: Double) -> [Rule] {
        var open: [(first: Int, last: Int, from: Int, to: Int)] = []
        var done: [Rule] = []
        func close(_ r: (first: Int, last: Int, from: Int, to: Int)) {
            // A thick band is a filled shape (a shaded cell, an image), not a rule.
            guard Double(r.last - r.first + 1) * scale <= 4 else { return }
            done.append(Rule(at: Double(r.first + r.last) / 2 * scale, from: Double(r.from) * scale, to: Double(r.to + 1) * scale))
        }
        for run in runs {
            var still: [(first: Int, last: Int, from: Int, to: Int)] = []
            var merged = false
            for o in open {
                if o.last < run.pos - 1 { close(o); continue }
                if !merged, o.last == run.pos - 1, run.from <= o.to, run.to >= o.from {
                    still.append((o.first, run.pos, min(o.from, run.from), max(o.to, run.to)))
                    merged = true
                } else {
                    still.append(o)
                }
            }
            if !merged { still.append((run.pos, run.pos, run.from, run.to)) }
            open = still
        }
        open.forEach(close)
        return done
    }
}

extension GrayImage {
    /// The part of the image inside a pixel rectangle, with a white margin around it.
    func crop(x0: Int, y0: Int, x1: Int, y1: Int, margin: Int) -> GrayImage? {
        let x0 = max(0, x0), y0 = max(0, y0), x1 = min(width, x1), y1 = min(height, y1)
        guard x1 > x0, y1 > y0 else { return nil }
        let w = x1 - x0 + 2 * margin, h = y1 - y0 + 2 * margin
        var px = [UInt8](repeating: 255, count: w * h)
        for y in y0..<y1 {
            let src = y * width, dst = (y - y0 + margin) * w + margin
            for x in x0..<x1 { px[dst + x - x0] = pixels[src + x] }
        }
        return GrayImage(width: w, height: h, pixels: px, dpi: dpi)
    }

    /// The inside of a table cell given in points (2 pt in from its rules), with a
    /// white margin for OCR and where its top-left pixel lies in the page; nil when
    /// it holds no ink.
    func cell(left: Double, top: Double, right: Double, bottom: Double, margin: Int = 20) -> (image: GrayImage, origin: (x: Int, y: Int))? {
        let scale = dpi / 72, inset = Int(2 * scale)
        let px0 = Int(left * scale) + inset, px1 = Int(right * scale) - inset, py0 = Int(top * scale) + inset, py1 = Int(bottom * scale) - inset
        guard px1 > px0, py1 > py0, ink(x0: px0, y0: py0, x1: px1, y1: py1) >= 20,
              let image = crop(x0: px0, y0: py0, x1: px1, y1: py1, margin: margin) else { return nil }
        return (image, (px0 - margin, py0 - margin))
    }

    /// Dark pixels inside a pixel rectangle.
    func ink(x0: Int, y0: Int, x1: Int, y1: Int) -> Int {
        var n = 0
        for y in max(0, y0)..<min(height, max(y0, y1)) {
            for x in max(0, x0)..<min(width, max(x0, x1)) where pixels[y * width + x] < RuleFinder.darkThreshold { n += 1 }
        }
        return n
    }
}

/// A table's first row on a page (the column headers that say which column
/// holds the lead agency) read again cell by cell: read with the whole page,
/// short words stacked in narrow cells come out garbled (`Cơ g uan chu hủ`).
enum HeaderCells {
    static func reread(engine: OCREngine, image: GrayImage, grid: PageRules, found: [PlacedWord]) -> [PlacedWord] {
        let tol = PageRules.tolerance
        let ys = PageLayout.distinct(grid.horizontal.map(\.at), tol: tol), xs = PageLayout.distinct(grid.vertical.map(\.at), tol: tol)
        guard ys.count >= 2, xs.count >= 3, xs.count <= 20 else { return found }
        let top = ys[0], bottom = ys[1]
        guard bottom - top < 120 else { return found } // not a header row: a cell of running text
        var words = found.filter { !($0.centerY > top && $0.centerY < bottom && $0.centerX > xs[0] && $0.centerX < xs[xs.count - 1]) }
        for c in 0..<(xs.count - 1) {
            let left = xs[c], right = xs[c + 1]
            guard grid.vertical.contains(where: { abs($0.at - left) <= tol && $0.from <= top + tol && $0.to >= bottom - tol }) else { continue }
            guard let cell = image.cell(left: left, top: top, right: right, bottom: bottom) else { continue }
            words += engine.words(in: cell.image, layout: .block, origin: cell.origin)
        }
        return words
    }
}

/// Table cells OCR left empty though ink is in them (a lone `1` in the STT
/// column, which page layout analysis drops): each is read again on its own,
/// as one line.
enum CellRetry {
    static let maxCells = 300

    static func words(engine: OCREngine, image: GrayImage, grid: PageRules, found: [PlacedWord]) -> [PlacedWord] {
        let tol = PageRules.tolerance
        let ys = PageLayout.distinct(grid.horizontal.map(\.at), tol: tol), xs = PageLayout.distinct(grid.vertical.map(\.at), tol: tol)
        guard ys.count >= 2, xs.count >= 2 else { return [] }
        var out: [PlacedWord] = []
        var tried = 0
        for r in 0..<(ys.count - 1) {
            for c in 0..<(xs.count - 1) {
                let top = ys[r], bottom = ys[r + 1], left = xs[c], right = xs[c + 1]
                // A cell of the lattice that the rules really close on top and left.
                guard grid.horizontal.contains(where: { abs($0.at - top) <= tol && $0.from <= left + tol && $0.to >= right - tol }),
                      grid.vertical.contains(where: { abs($0.at - left) <= tol && $0.from <= top + tol && $0.to >= bottom - tol }) else { continue }
                guard !found.contains(where: { $0.centerX > left && $0.centerX < right && $0.centerY > top && $0.centerY < bottom }) else { continue }
                guard let cell = image.cell(left: left, top: top, right: right, bottom: bottom) else { continue }
                tried += 1
                guard tried <= maxCells else { return out }
                // Alone in a cell, a bar is the numeral `I` (a table's borders are already erased).
                out += engine.words(in: cell.image, layout: .line, origin: cell.origin).map { w in
                    var w = w
                    if w.text == "|" || w.text == "l" { w.text = "I" }
                    return w
                }
            }
        }
        return out
    }
}
