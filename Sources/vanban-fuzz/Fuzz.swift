// libFuzzer entry point over the whole read path: bytes → blocks → parse → extract → contract JSON.
// tools/fuzz.sh builds it with -sanitize=fuzzer; any trap is a finding.
import VanBanExtract
import VanBanJSON

/// One input through every reader (the first byte picks the format, so one corpus reaches them all).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let names = ["f.txt", "f.md", "f.html", "f.docx"]
    let name = names[Int(bytes[0]) % names.count]
    if let doc = try? DocumentPipeline.read(bytes: bytes, name: name) {
        _ = try? ContractJSON.encode(doc)
    }
    return 0
}

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// The executable's entry (SwiftPM names it after the target): hands over to libFuzzer's driver.
@_cdecl("vanban_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var args = argv
    return LLVMFuzzerRunDriver(&count, &args, fuzzOne)
}
#else
/// Built without libFuzzer (a plain `swift build`): says how to build it.
@_cdecl("vanban_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    print("vanban-fuzz: build and run it with tools/fuzz.sh SECONDS (-sanitize=fuzzer)")
    return 2
}
#endif
