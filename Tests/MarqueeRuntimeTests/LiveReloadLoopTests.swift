import Foundation
import MarqueeCore
import MarqueeRuntime
import MarqueeTestSupport
import MarqueeUI
import Testing

/// The reader's loop with its folder watcher, on a real folder: files written, changed,
/// renamed and deleted while it is open show in the list without a key being pressed.
@Suite("live reload in the reader's loop")
struct LiveReloadLoopTests {
  private static let size = Size(columns: 100, rows: 24)

  private static func page(_ title: String, _ body: String = "A line of the story.") -> String {
    "\(title)\n\n\(body)\n\nA second paragraph of the story.\n"
  }

  /// Does `change` once, the first time the screen satisfies `condition`.
  private static func once(
    _ condition: @escaping (Screen) -> Bool, then change: @escaping () throws -> Void
  ) -> (Screen) -> Bool {
    var done = false
    return { screen in
      guard !done, condition(screen) else { return done }
      done = true
      try? change()
      return true
    }
  }

  private static func listed(_ screen: Screen) -> String {
    screen.lines.joined(separator: "\n")
  }

  @Test func filesAddedChangedRenamedAndDeletedShowWhileTheReaderIsOpen() throws {
    let folder = try TemporaryFolder()
    _ = try folder.write(Self.page("Alpha Opening Night"), to: "a.txt")
    _ = try folder.write(Self.page("Bravo Press Tour"), to: "b.txt")
    _ = try folder.write(Self.page("Charlie Cast List"), to: "c.txt")
    let path = { (name: String) in folder.path + "/" + name }
    let steps: [ScriptedBackend.Step] = [
      .init(
        until: Self.once({ $0.lines[0].contains("Articles (3)") }) {
          _ = try folder.write(Self.page("Delta Arrives Late"), to: "sub/d.txt")
        }, .key(.character("j"))),
      .init(
        until: Self.once({ Self.listed($0).contains("Delta Arrives Late") }) {
          _ = try folder.write(Self.page("Bravo Press Tour, Revised"), to: "b.txt")
        }, .resize(Self.size)),
      .init(
        until: Self.once({ Self.listed($0).contains("Bravo Press Tour, Revised") }) {
          try FileManager.default.moveItem(atPath: path("c.txt"), toPath: path("sub/c2.txt"))
        }, .resize(Self.size)),
      .init(
        until: Self.once({ $0.lines.last!.contains("1 renamed") }) {
          try FileManager.default.removeItem(atPath: path("a.txt"))
        }, .resize(Self.size)),
      .init(until: { $0.lines[0].contains("Articles (3)") }, .key(.character("q"))),
    ]
    let backend = ScriptedBackend(size: Self.size, steps: steps)
    let outcome = ReaderSession.run(stream: ArticleStream(paths: [folder.path]), on: backend)
    #expect(!backend.timedOut, "the script waited in vain: \(backend.lastFrame?.lines ?? [])")
    #expect(outcome == .quit)
    let screen = try #require(backend.lastFrame)
    let text = Self.listed(screen)
    #expect(!text.contains("Alpha Opening Night"))
    #expect(text.contains("Bravo Press Tour, Revised"))
    #expect(text.contains("Charlie Cast List"))
    // `j` selected Bravo before anything changed; it stays selected through all of it.
    #expect(screen.lines.last!.hasPrefix(" 1/3 "))
    #expect(
      screen.lines[1].dropFirst(40).contains("Bravo Press Tour, Revised"), "in the article pane")
  }

  /// Two thousand files written at once arrive in parts, with frames between them: a
  /// frame shows some but not all, and a key typed then is answered.
  @Test func aBurstOfFilesArrivesInPartsBetweenFrames() throws {
    let folder = try TemporaryFolder()
    _ = try folder.write(Self.page("Seed Story"), to: "seed.txt")
    let burst = 2_000
    let partial = { (screen: Screen) -> Bool in
      guard let range = screen.lines[0].range(of: "Articles ("),
        let count = Int(screen.lines[0][range.upperBound...].prefix { $0.isNumber })
      else { return false }
      return count > 1 && count < burst + 1
    }
    let steps: [ScriptedBackend.Step] = [
      .init(
        until: Self.once({ $0.lines[0].contains("Articles (1)") }) {
          for number in 0..<burst {
            _ = try folder.write(
              Self.page("Burst Story \(number)"), to: String(format: "burst/%04d.txt", number))
          }
        }, .resize(Self.size)),
      .init(until: partial, .key(.character("G"))),
      .init(until: { $0.lines[0].contains("Articles (\(burst + 1))") }, .key(.character("q"))),
    ]
    let backend = ScriptedBackend(size: Self.size, steps: steps)
    let outcome = ReaderSession.run(stream: ArticleStream(paths: [folder.path]), on: backend)
    #expect(!backend.timedOut, "the script waited in vain: \(backend.lastFrame?.lines ?? [])")
    #expect(outcome == .quit)
  }
}
