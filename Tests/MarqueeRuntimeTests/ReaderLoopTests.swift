import Foundation
import MarqueeCore
import MarqueeRuntime
import MarqueeTestSupport
import MarqueeUI
import Testing

/// The reader's loop with a scripted terminal: loading, typing, searching, resizing and
/// every way out, with no terminal and no tmux (the tmux tests stay as the end-to-end
/// check of the real one).
@Suite("the reader's loop")
struct ReaderLoopTests {
  /// Three articles of our own; one mentions a zebra.
  static func corpus() throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    let pages = [
      (
        "1.txt", "Zebra Crossing Opens The Autumn Season",
        "The play about a zebra crossing sold out its first week."
      ),
      ("2.txt", "A Quiet Week In Streaming", "Nothing new arrived on the services this week."),
      ("3.txt", "Gallery Night At The Old Depot", "Painters showed their work in a tram shed."),
    ]
    for (name, title, body) in pages {
      _ = try folder.write("\(title)\n\n\(body)\n\nA second paragraph of the story.\n", to: name)
    }
    return folder
  }

  static let size = Size(columns: 100, rows: 24)

  /// Runs the loop over the corpus with a script; the outcome and the backend.
  private static func run(
    _ steps: [ScriptedBackend.Step], size: Size = size
  ) throws -> (ReaderSession.Outcome, ScriptedBackend) {
    let folder = try corpus()
    defer { folder.remove() }
    let backend = ScriptedBackend(size: size, steps: steps)
    let outcome = ReaderSession.run(stream: ArticleStream(paths: [folder.path]), on: backend)
    #expect(!backend.timedOut, "the script waited in vain: \(backend.lastFrame?.lines ?? [])")
    return (outcome, backend)
  }

  static func loaded(_ screen: Screen) -> Bool {
    screen.lines[0].contains("Articles (3)") && !screen.lines.last!.contains("Loading")
  }

  @Test func qQuitsOnceTheArticlesHaveArrived() throws {
    let (outcome, backend) = try Self.run([.init(until: Self.loaded, .key(.character("q")))])
    #expect(outcome == .quit)
    #expect(backend.lastFrame.map(Self.loaded) == true)
  }

  @Test func ctrlCQuitsFromTheSearchLine() throws {
    let typing: [ScriptedBackend.Step] = "/zeb".map { .init(.key(.character($0))) }
    let (outcome, _) = try Self.run(
      [.init(until: Self.loaded, .key(.character("j")))] + typing + [.init(.key(.control("c")))]
    )
    #expect(outcome == .quit)
  }

  /// Ctrl-C quits at once wherever the user is: the list, an article, the credits pane,
  /// the help, the query line.
  @Test(
    arguments: [
      [], [.enter], [.enter, .character("c")], [.character("?")],
      [.character("/"), .character("z")],
    ] as [[Key]])
  func ctrlCQuitsFromEveryPlace(_ place: [Key]) throws {
    let (outcome, backend) = try Self.run(
      [.init(until: Self.loaded, .key(.character("j")))] + place.map { .init(.key($0)) } + [
        .init(afterAFrame: true, .key(.control("c")))
      ])
    #expect(outcome == .quit)
    #expect(backend.frameCount >= 2)
  }

  /// A folder that goes away between the check before the terminal opens and the load:
  /// the loop ends with the loader's message, for the caller to print once the terminal
  /// is restored, and a failure status.
  @Test func aFolderThatVanishesEndsTheLoopWithTheReason() throws {
    let folder = try Self.corpus()
    let stream = ArticleStream(paths: [folder.path])
    folder.remove()
    // The script waits for a frame that never comes: only the failure ends the loop.
    let backend = ScriptedBackend(
      size: Self.size, steps: [.init(until: { _ in false }, .key(.character("q")))])
    let outcome = ReaderSession.run(stream: stream, on: backend)
    #expect(!backend.timedOut)
    guard case .failed(let message) = outcome else {
      Issue.record("expected a failure, got \(outcome)")
      return
    }
    #expect(message.contains(folder.path))
    #expect(outcome.exitStatus == 2)
  }

  /// Opening an article marks it read; the mark is written by the time the loop ends
  /// and is there when the reader opens again.
  @Test func marksAreSavedOnTheWayOutAndComeBackNextTime() throws {
    let folder = try Self.corpus()
    let home = try TemporaryFolder()
    defer {
      folder.remove()
      home.remove()
    }
    let state = StateFolder(path: home.path + "/marquee")
    let memory = { ReaderMemory(folder: state, openedPaths: [folder.path]) }
    let first = ScriptedBackend(
      size: Self.size,
      steps: [
        .init(until: Self.loaded, .key(.enter)),
        .init(afterAFrame: true, .key(.character("Q"))),
      ])
    let outcome = ReaderSession.run(
      stream: ArticleStream(paths: [folder.path]), on: first, memory: memory())
    #expect(outcome == .quit)
    #expect(first.lastFrame?.lines[0].contains("Articles (3) · 2 unread") == true)
    #expect(state.loadMarks().0.count == 1)
    let second = ScriptedBackend(
      size: Self.size, steps: [.init(until: Self.loaded, .key(.character("q")))])
    _ = ReaderSession.run(
      stream: ArticleStream(paths: [folder.path]), on: second, memory: memory())
    let screen = try #require(second.lastFrame)
    #expect(screen.lines[0].contains("Articles (3) · 2 unread"))
    #expect(screen.lines[2].hasPrefix("│ Zebra Crossing"), "read: no N")
  }

  /// Quitting with an article open and reopening the same folder comes back to it, open;
  /// the same articles opened by another set of paths start at the top.
  @Test func reopeningTheSamePathsComesBackWhereTheReaderWas() throws {
    let folder = try Self.corpus()
    let home = try TemporaryFolder()
    defer {
      folder.remove()
      home.remove()
    }
    let state = StateFolder(path: home.path)
    func run(_ paths: [String], _ steps: [ScriptedBackend.Step]) -> ScriptedBackend {
      let backend = ScriptedBackend(size: Self.size, steps: steps)
      _ = ReaderSession.run(
        stream: ArticleStream(paths: paths), on: backend,
        memory: ReaderMemory(folder: state, openedPaths: paths))
      return backend
    }
    _ = run(
      [folder.path],
      [
        .init(until: Self.loaded, .key(.character("j"))),
        .init(afterAFrame: true, .key(.enter)),
        .init(afterAFrame: true, .key(.character("Q"))),
      ])
    let again = run(
      [folder.path],
      [
        .init(
          until: { $0.lines.last!.hasPrefix(" 2/3 ") && $0.lines.last!.contains("Esc back") },
          .key(.character("Q")))
      ])
    #expect(!again.timedOut)
    let other = run(
      ["1.txt", "2.txt", "3.txt"].map { folder.path + "/" + $0 },
      [.init(until: Self.loaded, .key(.character("Q")))])
    #expect(other.lastFrame?.lines.last?.hasPrefix(" 1/3 ") == true)
    #expect(other.lastFrame?.lines.last?.contains("Enter open") == true, "the list, not an article")
  }

  /// A state folder that cannot be made: the reader says so once and goes on.
  @Test func anUnwritableStateFolderIsSaidOnceAndTheReaderGoesOn() throws {
    let folder = try Self.corpus()
    let home = try TemporaryFolder()
    defer {
      folder.remove()
      home.remove()
    }
    let file = try home.write("a file, not a folder", to: "state")
    let backend = ScriptedBackend(
      size: Self.size,
      steps: [
        .init(until: Self.loaded, .key(.enter)),
        .init(
          until: { $0.lines.last!.contains("Read marks will not be saved: cannot create") },
          .key(.character("j"))),
        .init(afterAFrame: true, .key(.character("Q"))),
      ])
    let outcome = ReaderSession.run(
      stream: ArticleStream(paths: [folder.path]), on: backend,
      memory: ReaderMemory(folder: StateFolder(path: file + "/marquee"), openedPaths: []))
    #expect(outcome == .quit)
    #expect(!backend.timedOut)
    #expect(backend.lastFrame?.lines.last?.contains("will not be saved") == false, "said once")
  }

  @Test func aSignalEndsTheLoopWithItsNumber() throws {
    let (outcome, backend) = try Self.run([.init(.signal(15))])
    #expect(outcome == .signal(15))
    #expect(outcome.exitStatus == 143)
    #expect(backend.frameCount >= 1, "a frame is drawn before any event is read")
  }

  /// Keys typed while the files load, then the hits of the query as typed last: the
  /// searches for `z`, `ze`, … answered late change nothing.
  @Test func typingWhileLoadingEndsOnTheLatestQuerysHits() throws {
    let typing: [ScriptedBackend.Step] = "/zebra".map { .init(.key(.character($0))) }
    let (outcome, backend) = try Self.run(
      typing + [
        .init(until: { $0.lines[0].contains("Articles (1 of 3)") }, .key(.enter)),
        .init(until: { $0.lines.last!.contains("1 match") }, .key(.character("q"))),
      ])
    #expect(outcome == .quit)
    let screen = try #require(backend.lastFrame)
    #expect(screen.lines[1].contains("Zebra Crossing"))
    #expect(!screen.lines.joined().contains("A Quiet Week"))
  }

  @Test func aResizeDuringLoadingDrawsAtTheNewSize() throws {
    let smaller = Size(columns: 60, rows: 16)
    let (outcome, backend) = try Self.run([
      .init(.resize(smaller)),
      .init(until: { $0.size == smaller && Self.loaded($0) }, .key(.character("q"))),
    ])
    #expect(outcome == .quit)
    #expect(backend.lastFrame?.size == smaller)
  }

  @Test func ctrlLRepaintsEveryCell() throws {
    let (_, backend) = try Self.run([
      .init(until: Self.loaded, .key(.control("l"))),
      .init(afterAFrame: true, .key(.character("q"))),
    ])
    #expect(backend.forcedFrames == 2, "the first frame, and the one after Ctrl-L")
  }
}

/// A terminal made of a script (as ratatui's `TestBackend`): it hands the loop each
/// event once the last frame drawn satisfies the step's condition, keeps that frame, and
/// ends the loop with SIGTERM when the script runs out or a condition never holds.
final class ScriptedBackend: TerminalBackend {
  struct Step {
    let until: (Screen) -> Bool
    let event: TerminalEvent
    /// Whether a frame must be drawn after the last event before this one comes (the
    /// loop takes events that are waiting together, before it draws).
    let afterAFrame: Bool

    init(
      until: @escaping (Screen) -> Bool = { _ in true }, afterAFrame: Bool = false,
      _ event: TerminalEvent
    ) {
      self.until = until
      self.afterAFrame = afterAFrame
      self.event = event
    }
  }

  private(set) var size: Size
  private(set) var lastFrame: Screen?
  private(set) var frameCount = 0
  /// Frames drawn with every cell repainted.
  private(set) var forcedFrames = 0
  private(set) var timedOut = false
  private var steps: [Step]
  private let deadline = Date().addingTimeInterval(30)
  /// How long a frame takes to draw, as on a slow terminal (or a debug build).
  private let drawTime: UInt32

  init(size: Size, steps: [Step], drawMilliseconds: UInt32 = 0) {
    self.size = size
    self.steps = steps
    drawTime = drawMilliseconds * 1_000
  }

  /// Frames drawn since the last event was handed out.
  private var framesSinceEvent = 0

  /// Whether the terminal is handed to another program (the loop must not draw then).
  private(set) var isSuspended = false
  /// A repaint of every cell is owed since the terminal was taken back.
  private var owesRepaint = false

  func suspend() {
    isSuspended = true
    suspensions += 1
  }

  /// How often the terminal was handed to another program, and what was copied.
  private(set) var suspensions = 0
  private(set) var copied: [String] = []

  func copyToClipboard(_ text: String) { copied.append(text) }

  func resume() {
    isSuspended = false
    owesRepaint = true
  }

  func draw(_ screen: Screen, force: Bool) {
    precondition(!isSuspended, "a frame was drawn while another program had the terminal")
    let force = force || owesRepaint
    owesRepaint = false
    if drawTime > 0 { usleep(drawTime) }
    framesSinceEvent += 1
    lastFrame = screen
    frameCount += 1
    if force { forcedFrames += 1 }
  }

  func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent? {
    guard let step = steps.first else { return .signal(15) }
    if let frame = lastFrame, step.until(frame), !step.afterAFrame || framesSinceEvent > 0 {
      steps.removeFirst()
      framesSinceEvent = 0
      if case .resize(let new) = step.event { size = new }
      return step.event
    }
    if Date() > deadline {
      timedOut = true
      return .signal(15)
    }
    // As a terminal with nothing typed would, after a moment.
    usleep(UInt32(min(max(timeoutMilliseconds, 0), 2) * 1_000))
    return nil
  }
}

extension ReaderLoopTests {
  /// The loop obeys the keymap it is given: here `x` quits and `q` does nothing.
  @Test func theLoopUsesTheKeymapItIsGiven() throws {
    let bindings = Keymap.standard.bindings.map { binding in
      binding.command == .quit
        ? Binding([.character("x")], .quit, binding.help, group: binding.group) : binding
    }
    let folder = try Self.corpus()
    defer { folder.remove() }
    let backend = ScriptedBackend(
      size: Self.size,
      steps: [
        .init(until: Self.loaded, .key(.character("q"))),
        .init(until: { $0.lines.last!.contains("q does nothing here") }, .key(.character("x"))),
      ])
    let outcome = ReaderSession.run(
      stream: ArticleStream(paths: [folder.path]), on: backend, keymap: Keymap(bindings))
    #expect(!backend.timedOut)
    #expect(outcome == .quit)
  }
}

extension ReaderLoopTests {
  /// `/zebra` Enter Enter typed in one go, on a terminal slow to draw, opens the zebra
  /// article: the first Enter keeps the query, the second opens what it finds. (The
  /// keys are taken together, before the next frame; `HostileTreeReaderTests` is where a
  /// slow search once let an unfinished query's empty list take the second Enter.)
  @Test func keysTypedTogetherAreTakenBeforeAnySearchAnswer() throws {
    let burst: [ScriptedBackend.Step] =
      ("/zebra".map { .init(.key(.character($0))) }) + [.init(.key(.enter)), .init(.key(.enter))]
    let folder = try Self.corpus()
    defer { folder.remove() }
    let backend = ScriptedBackend(
      size: Self.size,
      steps: [.init(until: Self.loaded, .key(.character("g")))] + burst + [
        .init(
          until: { $0.lines.last!.contains("Esc back") && $0.lines[1].contains("Zebra Crossing") },
          .key(.character("Q")))
      ], drawMilliseconds: 20)
    let outcome = ReaderSession.run(stream: ArticleStream(paths: [folder.path]), on: backend)
    #expect(!backend.timedOut, "\(backend.lastFrame?.lines ?? [])")
    #expect(outcome == .quit)
  }
}
