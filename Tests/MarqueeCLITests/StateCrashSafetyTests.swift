import Foundation
import MarqueeCore
import MarqueeTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The state files survive `kill -9` at any moment: two writers (as two readers open
/// at once) save marks and places round after round, are killed at random moments, and
/// what they leave always reads back whole.
@Suite("State files under kill -9")
struct StateCrashSafetyTests {
  static let perWriter = 5_000

  @Test func killedWritersAlwaysLeaveFilesThatReadBackWhole() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let writer = try MarqueeBinary.url(named: "marquee-state-writer")
    let state = StateFolder(path: folder.path + "/marquee")
    var random = SystemRandomNumberGenerator()
    var killedMidWrite = 0
    for attempt in 0..<20 {
      let processes = try [0, Self.perWriter].map { first in
        let process = Process()
        process.executableURL = writer
        process.arguments = [state.path, String(first), String(Self.perWriter)]
        try process.run()
        return process
      }
      // The first time, both must have saved once (slow under AddressSanitizer), so
      // every later check has both writers' marks to find.
      if attempt == 0 {
        let deadline = Date().addingTimeInterval(120)
        while state.loadMarks().0.count < 2 * Self.perWriter, Date() < deadline {
          usleep(50_000)
        }
      }
      // Stop both now and then until one is caught with its temporary file open (it is
      // between writing and renaming), and kill them there; most rounds are spent
      // reading and encoding, so a plain random moment would seldom land in a write.
      // Every other attempt kills at a random moment instead.
      if attempt % 2 == 0 {
        for _ in 0..<5_000 {
          for process in processes { kill(process.processIdentifier, SIGSTOP) }
          let names = (try? FileManager.default.contentsOfDirectory(atPath: state.path)) ?? []
          if names.contains(where: { $0.contains(".tmp-") }) { break }
          for process in processes { kill(process.processIdentifier, SIGCONT) }
          usleep(300)
        }
      } else {
        usleep(UInt32.random(in: 1_000...200_000, using: &random))
      }
      for process in processes {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "attempt \(attempt)")
      }
      let (book, problem) = state.loadMarks()
      #expect(problem == nil, "attempt \(attempt)")
      // Each writer's articles are all there or none (before its first save), all with
      // the marks of one round.
      for first in [0, Self.perWriter] {
        let mine = book.records.filter {
          (first..<(first + Self.perWriter)).contains(Int($0.contentHash))
        }
        #expect(mine.count == 0 || mine.count == Self.perWriter, "attempt \(attempt)")
        #expect(Set(mine.map(\.marks)).count <= 1, "attempt \(attempt): rounds mixed")
      }
      let (_, sessionProblem) = state.loadSession()
      #expect(sessionProblem == nil, "attempt \(attempt)")
      let left = try FileManager.default.contentsOfDirectory(atPath: state.path)
      #expect(!left.contains { $0.hasSuffix(".bad") }, "\(left)")
      // A temporary file of one of the writers just killed: caught mid-write.
      let pids = processes.map { ".tmp-\($0.processIdentifier)" }
      killedMidWrite += left.contains { name in pids.contains { name.hasSuffix($0) } } ? 1 : 0
    }
    // What a killed writer left behind goes with the next save.
    try state.save(markChanges: [MarkRecord(contentHash: 1, path: "/stress/1.txt", marks: .read)])
    try state.save(place: nil, forKey: "done", searches: [])
    let left = try FileManager.default.contentsOfDirectory(atPath: state.path).sorted()
    #expect(left == ["lock", "marks", "session.json"])
    #expect(state.loadMarks().0.count == 2 * Self.perWriter, "both writers got to save")
    #expect(killedMidWrite >= 5, "kills caught in the middle of a write: \(killedMidWrite) of 20")
  }
}
