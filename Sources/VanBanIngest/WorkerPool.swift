#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization
import VanBanFormats

/// Reads files in supervised worker processes (the same binary, `vanban worker`),
/// so that a trap, a hang or runaway memory in the parser fails that one file:
/// the worker is killed or reaped, the file gets a reason, and the next file
/// gets a fresh worker.
///
/// ```swift
/// let pool = WorkerPool(.init(executable: "/usr/local/bin/vanban", read: ReadOptions()))
/// defer { pool.shutdown() }
/// switch pool.read(bytes, name: "ke-hoach.md") { ... }
/// ```
public final class WorkerPool: PlanReader, Sendable {
    public struct Configuration: Sendable {
        /// The `vanban` binary; run as `vanban worker ...`.
        public var executable: String
        public var read: ReadOptions
        /// Seconds one file may take (default 30).
        public var fileTimeout: Double
        /// Resident memory one worker may reach, in bytes (default 2 GB). Checked on Linux.
        public var fileMemory: Int
        /// Workers kept at most (they start as needed).
        public var size: Int

        public static let defaultFileTimeout = 30.0
        public static let defaultFileMemory = 2048 << 20

        public init(executable: String, read: ReadOptions = ReadOptions(), fileTimeout: Double = defaultFileTimeout,
                    fileMemory: Int = defaultFileMemory, size: Int = ProcessInfo.processInfo.activeProcessorCount) {
            self.executable = executable; self.read = read; self.fileTimeout = fileTimeout
            self.fileMemory = fileMemory; self.size = max(1, size)
        }

        var arguments: [String] {
            var a = ["worker", "--max-size", String(read.maxSize), "--max-unzipped-size", String(read.maxUnzippedSize)]
            if let e = read.encoding { a += ["--encoding", e] }
            a += ["--ocr", read.pdf.ocr.rawValue, "--max-pages", String(read.pdf.maxPages), "--ocr-threads", String(read.pdf.threads)]
            return a
        }
    }

    let configuration: Configuration
    private let idle = Mutex<[Worker]>([])
    private let closed = Atomic<Bool>(false)

    public init(_ configuration: Configuration) {
        self.configuration = configuration
        // A worker that dies while a request is being written must not kill the parent.
        signal(SIGPIPE, SIG_IGN)
    }

    deinit { shutdown() }

    /// The path of the running program, for `Configuration.executable`.
    public static var currentExecutable: String {
        #if os(Linux)
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if n > 0 { return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        #endif
        return Bundle.main.executablePath ?? CommandLine.arguments[0]
    }

    public func read(_ bytes: [UInt8], name: String) -> PlanReadResult {
        let worker: Worker
        if let w = idle.withLock({ $0.popLast() }) {
            worker = w
        } else {
            switch Worker.spawn(configuration) {
            case let .success(w): worker = w
            case let .failure(f): return .stopped(f.reason)
            }
        }
        let (result, healthy) = worker.run(WorkerFrame.request(name: name, bytes: bytes), configuration: configuration)
        if healthy && !closed.load(ordering: .acquiring) {
            idle.withLock { $0.append(worker) }
        } else {
            worker.stop()
        }
        return result
    }

    /// Ends every idle worker (their input closes and they exit). Safe to call twice.
    public func shutdown() {
        closed.store(true, ordering: .releasing)
        let workers = idle.withLock { w -> [Worker] in defer { w.removeAll() }; return w }
        for w in workers { w.stop() }
    }
}

/// One worker process and the two pipe ends the parent holds.
final class Worker: @unchecked Sendable { // used by one thread at a time (the pool hands it out)
    let pid: pid_t
    let input: Int32   // the worker's standard input
    let output: Int32  // the worker's standard output
    private var ended = false

    init(pid: pid_t, input: Int32, output: Int32) { self.pid = pid; self.input = input; self.output = output }

    struct SpawnFailure: Error { var reason: String }

    /// Pipes are made and the worker spawned under one lock, so that no other
    /// worker inherits this one's pipe ends in between.
    private static let spawning = Mutex<Void>(())

    static func spawn(_ c: WorkerPool.Configuration) -> Result<Worker, SpawnFailure> {
        spawning.withLock { _ in spawnLocked(c) }
    }

    private static func spawnLocked(_ c: WorkerPool.Configuration) -> Result<Worker, SpawnFailure> {
        var request: [Int32] = [-1, -1], response: [Int32] = [-1, -1]
        guard makePipe(&request), makePipe(&response) else {
            for fd in request + response where fd >= 0 { close(fd) }
            return .failure(SpawnFailure(reason: "cannot start a parser worker (pipe: \(String(cString: strerror(errno))))"))
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, request[0], 0)
        posix_spawn_file_actions_adddup2(&actions, response[1], 1)
        if ProcessInfo.processInfo.environment["VANBAN_WORKER_STDERR"] == nil {
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        let argv = ([c.executable] + c.arguments).map { strdup($0) } + [nil]
        // No crash report from the worker: the parent records the failure.
        let env = ProcessInfo.processInfo.environment.filter { $0.key != "SWIFT_BACKTRACE" }
            .map { "\($0.key)=\($0.value)" } + ["SWIFT_BACKTRACE=enable=no"]
        let envp = env.map { strdup($0) } + [nil]
        defer { for p in argv + envp { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, c.executable, &actions, nil, argv, envp)
        close(request[0]); close(response[1])
        guard rc == 0 else {
            close(request[1]); close(response[0])
            return .failure(SpawnFailure(reason: "cannot start a parser worker (\(c.executable): \(String(cString: strerror(rc))))"))
        }
        _ = fcntl(request[1], F_SETFL, fcntl(request[1], F_GETFL) | O_NONBLOCK)
        _ = fcntl(response[0], F_SETFL, fcntl(response[0], F_GETFL) | O_NONBLOCK)
        return .success(Worker(pid: pid, input: request[1], output: response[0]))
    }

    /// A pipe whose ends are not inherited by other workers (so each sees its input end).
    private static func makePipe(_ fds: inout [Int32]) -> Bool {
        guard fds.withUnsafeMutableBufferPointer({ pipe($0.baseAddress!) }) == 0 else { return false }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return true
    }

    /// Sends one request and waits for the answer, within the time and memory limits.
    /// Returns the result and whether the worker can take another file.
    func run(_ request: [UInt8], configuration c: WorkerPool.Configuration) -> (PlanReadResult, Bool) {
        var deadline = Self.now() + c.fileTimeout
        var sent = 0
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var expected: Int? = nil
        while true {
            // A page of a long PDF read: its clock starts again.
            while expected == nil, received.count >= 9, received[0] == WorkerFrame.progressKind {
                received.removeFirst(9)
                deadline = Self.now() + c.fileTimeout
            }
            // Done?
            if expected == nil, received.count >= 9, let n = WorkerFrame.integer(UInt64.self, in: received[...], at: 1) {
                guard n <= WorkerFrame.maxLength else {
                    kill(pid, SIGKILL)
                    return (.stopped("the parser's worker sent a malformed answer on this file: please report it with the file"), false)
                }
                expected = 9 + Int(n)
            }
            if let e = expected, received.count >= e {
                return (WorkerFrame.decode(kind: received[0], payload: received[9..<e]), true)
            }
            let left = deadline - Self.now()
            if left <= 0 {
                kill(pid, SIGKILL)
                return (.stopped(String(format: "the parser took longer than %g s on this file and was stopped: raise --file-timeout if the file is genuine, else please report it with the file", c.fileTimeout)), false)
            }
            if let rss = residentBytes(), rss > c.fileMemory {
                kill(pid, SIGKILL)
                return (.stopped("the parser used more than \(c.fileMemory >> 20) MB on this file and was stopped: raise --file-memory if the file is genuine, else please report it with the file"), false)
            }
            var fds = [pollfd(fd: output, events: Int16(POLLIN), revents: 0)]
            if sent < request.count { fds.append(pollfd(fd: input, events: Int16(POLLOUT), revents: 0)) }
            let slice = Int32(max(1, min(100, left * 1000)))
            let ready = poll(&fds, nfds_t(fds.count), slice)
            if ready < 0 && errno != EINTR { return (died(), false) }
            if ready <= 0 { continue }
            if sent < request.count, fds.count > 1, fds[1].revents != 0 {
                if fds[1].revents & Int16(POLLOUT) != 0 {
                    let n = request.withUnsafeBytes { write(input, $0.baseAddress! + sent, request.count - sent) }
                    if n > 0 { sent += n } else if n < 0 && errno != EAGAIN && errno != EINTR { return (died(), false) }
                } else {
                    return (died(), false) // POLLERR/POLLHUP: the worker is gone
                }
            }
            if fds[0].revents != 0 {
                let n = chunk.withUnsafeMutableBytes { Glibc_read(output, $0.baseAddress!, $0.count) }
                if n > 0 {
                    received.append(contentsOf: chunk[0..<n])
                } else if n == 0 || (errno != EAGAIN && errno != EINTR) {
                    return (died(), false) // end of its output before a whole answer
                }
            }
        }
    }

    /// The worker ended on its own: how.
    private func died() -> PlanReadResult {
        var status: Int32 = 0
        var r: pid_t
        repeat { r = waitpid(pid, &status, 0) } while r < 0 && errno == EINTR
        ended = true
        let signal = status & 0x7f
        if r == pid, signal != 0 && signal != 0x7f {
            return .stopped("the parser stopped on this file (signal \(signal)): please report it with the file")
        }
        return .stopped("the parser stopped on this file (exit status \((status >> 8) & 0xff)): please report it with the file")
    }

    /// Resident memory of the worker, from /proc (nil where there is none).
    private func residentBytes() -> Int? {
        #if os(Linux)
        let fd = open("/proc/\(pid)/statm", O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let n = buffer.withUnsafeMutableBytes { Glibc_read(fd, $0.baseAddress!, $0.count) }
        guard n > 0 else { return nil }
        let fields = buffer[0..<n].split(separator: 0x20)
        guard fields.count > 1, let pages = Int(String(decoding: fields[1], as: UTF8.self)) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
        #else
        return nil
        #endif
    }

    /// Closes its input (a healthy worker exits) and reaps it; kills it if it lingers.
    func stop() {
        close(input); close(output)
        guard !ended else { return }
        ended = true
        var status: Int32 = 0
        for _ in 0..<50 {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid || (r < 0 && errno != EINTR) { return }
            usleep(10_000)
        }
        kill(pid, SIGKILL)
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
