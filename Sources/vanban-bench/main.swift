// Benchmarks (run through tools/bench.sh and tools/bench_ingest.sh, release build).
// Not tests: they report numbers, they do not judge them.
//   vanban-bench [DIR...]        parse and parse+extract throughput, one core
//   vanban-bench queries DB      latency (p50/p95) of each index query
//     (BENCH_RUNS=N warm runs, BENCH_ONLY=PREFIX one query, BENCH_DUMP=1 every time measured)
import Foundation
import VanBanExtract
import VanBanParse
import VanBanStore

if CommandLine.arguments.dropFirst().first == "queries" {
    runQueryBenchmark(Array(CommandLine.arguments.dropFirst(2)))
    exit(0)
}

let args = CommandLine.arguments.dropFirst()
let targetMB = Double(ProcessInfo.processInfo.environment["BENCH_MB"] ?? "") ?? 50
let dirs = args.isEmpty ? ["Corpus"] : Array(args)
var inputs: [(String, [UInt8])] = []
for d in dirs {
    for f in (try? FileManager.default.contentsOfDirectory(atPath: d))?.sorted() ?? [] where f.hasSuffix(".txt") || f.hasSuffix(".md") {
        inputs.append((f, [UInt8](FileManager.default.contents(atPath: d + "/" + f) ?? Data())))
    }
}
guard !inputs.isEmpty else { print("no .txt or .md inputs in \(dirs)"); exit(2) }
let corpusBytes = inputs.reduce(0) { $0 + $1.1.count }
let rounds = Int((targetMB * 1_048_576 / Double(corpusBytes)).rounded(.up))
let totalMB = Double(corpusBytes * rounds) / 1_048_576

let repetitions = Int(ProcessInfo.processInfo.environment["BENCH_REPS"] ?? "") ?? 3

/// Best of `repetitions` runs over the whole input (the machine is shared; the best run is the least disturbed).
@MainActor func measure(_ label: String, _ body: ([UInt8], String) -> Int) -> Double {
    var sink = 0
    var seconds = Double.infinity
    for _ in 0..<repetitions {
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<rounds { for (name, bytes) in inputs { sink &+= body(bytes, name) } }
        seconds = min(seconds, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    let mbps = totalMB / seconds
    let pad = label.padding(toLength: 24, withPad: " ", startingAt: 0)
    print(pad + String(format: "%7.1f MB in %6.2f s = %6.1f MB/s  (%d documents, check %d)", totalMB, seconds, mbps, rounds * inputs.count, sink))
    return mbps
}

print("corpus: \(inputs.count) plans, \(corpusBytes) bytes, repeated \(rounds)x; best of \(repetitions) runs")
let parse = measure("parse (decode+segment)") { bytes, name in
    (try? DocumentPipeline.parse(bytes: bytes, name: name))?.document.outline.count ?? 0
}
let full = measure("parse + extract") { bytes, name in
    (try? DocumentPipeline.read(bytes: bytes, name: name))?.tasks.count ?? 0
}
print(String(format: "extraction costs %.2fx parse alone (goal: within 2x); parse goal >= 20 MB/s", parse / full))

func runQueryBenchmark(_ args: [String]) {
    guard let path = args.first, let store = try? SQLiteStore(path: path) else { print("usage: vanban-bench queries DB"); exit(2) }
    let runs = Int(ProcessInfo.processInfo.environment["BENCH_RUNS"] ?? "") ?? 100
    let someDoc = (try? store.documents(DocumentQuery(type: "KH")))?.first(where: { $0.number != nil && $0.locality != nil })
    let someNumber = someDoc?.number ?? "1"
    let someLocality = someDoc?.locality ?? "Nghệ An"
    // Several provinces may carry a number: the answer is then the list of candidates.
    func shown(_ issuer: String?) throws -> Int {
        do { return try store.document(someNumber, issuer: issuer) == nil ? 0 : 1 } catch let StoreError.ambiguousDocument(_, candidates) {
            return candidates.count
        }
    }
    let anGiang = try! PlaceFilter(province: "An Giang", level: nil)
    let cases: [(String, () throws -> Int)] = [
        ("tasks --agency 'Sở GDĐT'", { try store.tasks(TaskQuery(agency: "Sở GDĐT")).count }),
        ("tasks --agency 'Sở GDĐT' --role support", { try store.tasks(TaskQuery(agency: "Sở GDĐT", role: .support)).count }),
        ("agencies", { try store.agencies().count }),
        ("citations --cites 1373/QĐ-TTg", { try store.citations(CitationQuery(cites: "1373/QĐ-TTg")).count }),
        ("citations --of \(someNumber) --issuer '\(someLocality)'", { try store.citations(CitationQuery(of: someNumber, issuer: someLocality)).count }),
        ("citations --cites 1373/QĐ-TTg --issuer 'Thủ tướng'", { try store.citations(CitationQuery(cites: "1373/QĐ-TTg", issuer: "Thủ tướng")).count }),
        ("deadlines --before 2024-12-31 --after 2024-01-01", { try store.deadlines(DeadlineQuery(before: "2024-12-31", after: "2024-01-01")).count }),
        ("deadlines --before 2024-12-31 --agency 'Phòng QLVH&GĐ'", {
            try store.deadlines(DeadlineQuery(before: "2024-12-31", agency: "Phòng Quản lý văn hóa và Gia đình")).count }),
        ("targets --year 2025 --indicator 'năng lực thông tin'", { try store.targets(TargetQuery(year: 2025, indicator: "năng lực thông tin")).count }),
        ("targets --year 2025 --unit %", { try store.targets(TargetQuery(year: 2025, unit: "%")).count }),
        ("targets --unit % (every percentage target)", { try store.targets(TargetQuery(unit: "%")).count }),
        ("documents --type KH --since 2024-01-01", { try store.documents(DocumentQuery(type: "KH", since: "2024-01-01")).count }),
        ("documents --issuer 'nghệ an'", { try store.documents(DocumentQuery(issuer: "nghệ an")).count }),
        ("show \(someNumber) (candidates when shared)", { try shown(nil) }),
        ("show \(someNumber) --issuer '\(someLocality)'", { try shown(someLocality) }),
        ("tasks --agency 'Sở Tài chính' --province 'An Giang'", { try store.tasks(TaskQuery(agency: "Sở Tài chính", place: anGiang)).count }),
        ("deadlines --before 2024-12-31 --province 'An Giang'", { try store.deadlines(DeadlineQuery(before: "2024-12-31", place: anGiang)).count }),
        ("documents --province 'Cần Thơ' (Sóc Trăng merged in)", {
            try store.documents(DocumentQuery(place: try PlaceFilter(province: "Cần Thơ", level: "province"))).count }),
        ("search 'so giao duc'", { try store.search("so giao duc", limit: 20).count }),
        ("search 'hoá học tập'", { try store.search("hoá học tập", limit: 20).count }),
        ("errors", { try store.failures().count }),
    ]
    print("query latency over \(path), \(runs) warm runs each after one cold one (ms)")
    print("query".padding(toLength: 52, withPad: " ", startingAt: 0) + "   rows     p50     p95     max    cold")
    // BENCH_ONLY=tasks measures only the queries whose name starts with it (for a profiler).
    let only = ProcessInfo.processInfo.environment["BENCH_ONLY"] ?? ""
    for (name, body) in cases where only.isEmpty || name.hasPrefix(only) {
        // The first call maps the pages it reads (a server's first request); it is reported
        // apart as `cold`, and p50/p95/max are over the calls after it.
        let c0 = DispatchTime.now().uptimeNanoseconds
        var rows = (try? body()) ?? -1
        let cold = Double(DispatchTime.now().uptimeNanoseconds - c0) / 1e6
        var times: [Double] = []
        for _ in 0..<runs {
            let t0 = DispatchTime.now().uptimeNanoseconds
            rows = (try? body()) ?? -1
            times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
        }
        times.sort()
        if ProcessInfo.processInfo.environment["BENCH_DUMP"] != nil { print(times.map { String(format: "%.0f", $0) }.joined(separator: " ")) }
        let p50 = times[times.count / 2], p95 = times[min(times.count - 1, Int(Double(times.count) * 0.95))]
        print(name.padding(toLength: 52, withPad: " ", startingAt: 0) + String(format: " %6d %7.1f %7.1f %7.1f %7.1f", rows, p50, p95, times.last!, cold))
    }
}
