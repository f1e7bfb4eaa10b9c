import Foundation
import MarqueeCore
import MarqueeRuntime
import MarqueeTestSupport
import MarqueeUI
import Testing

/// Other programs run from the loop, for real, through `sh`, with stand-ins for the
/// pager, editor, browser and pipe command that write what they were given to files.
@Suite("Other programs from the loop")
struct ProgramLoopTests {
  static let size = Size(columns: 100, rows: 24)
  /// A source URL that would make files in `folder` if it ever reached a shell as part
  /// of a command line.
  static func url(_ folder: TemporaryFolder) -> String {
    "https://example.com/harbor?id=1&x=$(touch${IFS}\(folder.path)/pwned);touch${IFS}\(folder.path)/pwned2"
  }

  /// One article with a source URL, and a folder for what the programs write.
  private static func setUp() throws -> (corpus: TemporaryFolder, out: TemporaryFolder) {
    let corpus = try TemporaryFolder()
    let out = try TemporaryFolder()
    _ = try corpus.write(
      "\(url(out))\n\nGlass Harbor Opens Its Doors\n\nThe museum opened on Sunday.\n\n"
        + "Crowds queued along the quay.\n", to: "harbor.txt")
    return (corpus, out)
  }

  static func loaded(_ screen: Screen) -> Bool {
    screen.lines[0].contains("Articles (1)") && !screen.lines.last!.contains("Loading")
  }

  /// Runs the reader with `environment`, typing `keys` once loaded, then waiting for a
  /// frame whose status bar passes `done` and quitting.
  private static func run(
    _ corpus: TemporaryFolder, options: LoadOptions = LoadOptions(),
    environment: [String: String], keys: [Key], until done: @escaping (String) -> Bool
  ) -> (ScriptedBackend, Screen?) {
    let steps: [ScriptedBackend.Step] =
      [.init(until: loaded, .key(.character("j")))]
      + keys.map { .init(afterAFrame: true, .key($0)) }
      + [.init(until: { done($0.lines.last!) }, afterAFrame: true, .key(.character("Q")))]
    let backend = ScriptedBackend(size: size, steps: steps)
    _ = ReaderSession.run(
      stream: ArticleStream(paths: [corpus.path], options: options), on: backend,
      environment: environment.merging(["PATH": "/usr/bin:/bin"]) { ours, _ in ours })
    #expect(!backend.timedOut, "\(backend.lastFrame?.lines.last ?? "")")
    return (backend, backend.lastFrame)
  }

  @Test func thePagerGetsTheArticleAsShowPrintsItAndTheScreenComesBack() throws {
    let (corpus, out) = try Self.setUp()
    defer {
      corpus.remove()
      out.remove()
    }
    let paged = out.path + "/paged.txt"
    let (backend, _) = Self.run(
      corpus, environment: ["PAGER": "cat > '\(paged)'"], keys: [.character("v")],
      until: { $0.contains("1/1") })
    let article = try #require(ArticleStore.load(paths: [corpus.path]).articles.first)
    #expect(
      try String(contentsOfFile: paged, encoding: .utf8) == ArticleText.render(article, width: 100))
    #expect(backend.suspensions == 1)
    #expect(backend.forcedFrames >= 2, "the first frame and the one after the pager")
  }

  @Test func theEditorsChangesAreReadBackIntoTheListAndTheIndex() throws {
    let (corpus, out) = try Self.setUp()
    defer {
      corpus.remove()
      out.remove()
    }
    let editor = try out.write(
      "#!/bin/sh\nprintf '\\nA late paragraph about zeppelins.\\n' >> \"$1\"\n", to: "editor")
    chmod(editor, 0o755)
    let (_, screen) = Self.run(
      corpus, environment: ["EDITOR": "sh " + editor],
      keys: [.character("e")] + "/zeppelins".map { .character($0) } + [.enter],
      until: { $0.contains("1 match for “zeppelins”") })
    #expect(screen?.lines[0].contains("Articles (1 of 1)") == true)
    #expect(
      try String(contentsOfFile: corpus.path + "/harbor.txt", encoding: .utf8).hasSuffix(
        "zeppelins.\n"))
  }

  /// The file is read again as the corpus was loaded: with the options' `[layout]`
  /// additions, a credit line the editor added naming an added agency is a credit, found
  /// by a `credit:` search (it would be story text with the built-in tables alone).
  @Test func theEditedFileIsReadAgainWithTheLayoutAdditions() throws {
    let (corpus, out) = try Self.setUp()
    defer {
      corpus.remove()
      out.remove()
    }
    let editor = try out.write(
      "#!/bin/sh\nprintf '\\nZorblax/Pellwick\\n' >> \"$1\"\n", to: "editor")
    chmod(editor, 0o755)
    var layout = LayoutAdditions()
    try layout.addSource(name: "Zorblax Pictures", spellings: ["zorblax"], kind: .agency)
    func creditMatches(_ options: LoadOptions) -> Screen? {
      Self.run(
        corpus, options: options, environment: ["EDITOR": "sh " + editor],
        keys: [.character("e")] + "/credit:zorblax".map { .character($0) } + [.enter],
        until: { $0.contains("for “credit:zorblax”") }
      ).1
    }
    #expect(creditMatches(LoadOptions(layout: layout))?.lines.last?.contains("1 match") == true)
    // The editor added a second such line; without the additions neither is a credit.
    #expect(
      creditMatches(LoadOptions())?.lines.last?.contains("No matches for “credit:zorblax”")
        == true)
  }

  /// The URL comes from the file, so it reaches the browser as an argument, never as
  /// part of a command line: `$(touch pwned)` in it stays text.
  @Test func theBrowserGetsTheURLAsAnArgumentOnly() throws {
    let (corpus, out) = try Self.setUp()
    defer {
      corpus.remove()
      out.remove()
    }
    let opened = out.path + "/opened.txt"
    _ = Self.run(
      corpus, environment: ["BROWSER": "printf '%s' > '\(opened)'"], keys: [.character("o")],
      until: { $0.contains("1/1") })
    #expect(try String(contentsOfFile: opened, encoding: .utf8) == Self.url(out))
    let made = try FileManager.default.contentsOfDirectory(atPath: out.path)
    #expect(!made.contains { $0.hasPrefix("pwned") }, "\(made)")
  }

  @Test func thePipedCommandReadsTheArticle() throws {
    let (corpus, out) = try Self.setUp()
    defer {
      corpus.remove()
      out.remove()
    }
    let piped = out.path + "/piped.txt"
    _ = Self.run(
      corpus, environment: [:],
      keys: [.character("|")] + "wc -w > '\(piped)'".map { .character($0) } + [.enter],
      until: { $0.contains("1/1") })
    let words = try String(contentsOfFile: piped, encoding: .utf8).trimmingCharacters(
      in: .whitespacesAndNewlines)
    #expect(Int(words) ?? 0 >= 10, "\(words)")
  }

  @Test(arguments: [
    (["PAGER": "exit 3"], "v", "$PAGER ended with status 3"),
    // A failed editor changed nothing: its note, not "read again".
    (["EDITOR": "exit 4"], "e", "$EDITOR ended with status 4"),
    (["PAGER": "no-such-pager-here"], "v", "$PAGER was not found (no-such-pager-here)"),
    ([:], "e", "No editor: set $EDITOR or install vi"),
    (["BROWSER": ""], "o", "No browser: set $BROWSER or install xdg-open"),
  ])
  func aMissingOrFailingProgramIsANote(environment: [String: String], key: Character, note: String)
    throws
  {
    let (corpus, out) = try Self.setUp()
    defer {
      corpus.remove()
      out.remove()
    }
    // No PATH with a pager, editor or browser in it: only the stand-ins exist.
    let (_, screen) = Self.run(
      corpus, environment: environment.merging(["PATH": out.path]) { ours, _ in ours },
      keys: [.character(key)], until: { $0.contains(note) })
    #expect(screen?.lines.last?.contains(note) == true)
  }
}
