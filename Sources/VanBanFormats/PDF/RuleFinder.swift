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
