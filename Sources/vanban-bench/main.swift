// Throughput benchmark for the parse and extract stages (run through tools/bench.sh,
// release build, one core). Not a test: it reports numbers, it does not judge them.
import Foundation
import VanBanExtract
import VanBanParse

let args = CommandLine.arguments.dropFirst()
let targetMB = Double(ProcessInfo.processInfo.environment["BENCH_MB"] ?? "") ?? 50
let dirs = args.isEmpty ? ["Corpus"] : Array(args)
var inputs: [(String, [UInt8])] = []
for d in dirs {
    for f in (try? FileManager.default.contentsOfDirectory(atPath: d))?.sorted() ?? [] where f.hasSuffix(".txt") {
        inputs.append((f, [UInt8](FileManager.default.contents(atPath: d + "/" + f) ?? Data())))
    }
}
guard !inputs.isEmpty else { print("no .txt inputs in \(dirs)"); exit(2) }
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
