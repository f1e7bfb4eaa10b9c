import MarqueeCore

// libFuzzer's entry point: `swift build --sanitize=fuzzer` links libFuzzer's own main,
// which calls this with each input. Any trap here (a failed check below, a crash, an
// out-of-bounds access) is a finding, saved by libFuzzer as a crash-* file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  FuzzChecks.run(UnsafeRawBufferPointer(start: data, count: size))
  return 0
}
