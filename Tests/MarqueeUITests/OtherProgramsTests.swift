import MarqueeCore
import Testing

@testable import MarqueeUI

/// Keys that run another program on the selected article ask the loop for it (the
/// runtime's tests run real ones); `|` takes a command on a prompt line.
@Suite("Other programs")
struct OtherProgramsTests {
  static let size = Size(columns: 120, rows: 30)
  static let sourced = Article(
    path: "/articles/sourced.txt", sourceURL: "https://example.com/story", title: "Sourced Story",
    dek: "", body: [.paragraph("Text.")], images: [])

  private func programs(after keys: [Key], clipboard: Bool = false) -> (ReaderState, [Effect]) {
    var state = updated(
      ReaderState(articles: [Self.sourced, Sample.noImages], size: Self.size), .resize(Self.size))
    state.clipboardAllowed = clipboard
    var all: [Effect] = []
    for key in keys {
      let (next, effects) = update(state, .key(key))
      state = next
      all += effects
    }
    return (state, all.filter { $0.program != nil || $0.copied != nil })
  }

  @Test func eachKeyAsksForItsProgram() {
    #expect(
      programs(after: keys("o")).1.map(\.program) == [.browse(url: "https://example.com/story")])
    #expect(programs(after: keys("v")).1.map(\.program) == [.page(0)])
    #expect(
      programs(after: keys("e")).1.map(\.program) == [.edit(0, path: "/articles/sourced.txt")])
    let (state, none) = programs(after: keys("jo"))
    #expect(none.isEmpty)
    #expect(state.message == "This article names no source URL")
  }

  @Test func theCommandTypedAfterThePipeKeyRunsWithTheArticle() {
    let (typing, nothingYet) = programs(after: keys("|wc -w"))
    #expect(nothingYet.isEmpty)
    #expect(render(typing).lines.last!.hasPrefix(" 1/2  | wc -w▏ "))
    let (done, effects) = programs(after: keys("|wc -w") + [.enter])
    #expect(effects.map(\.program) == [.pipe(0, command: "wc -w")])
    #expect(done.prompt == nil)
    // Esc, or an empty command, runs nothing; `q` typed there is part of the command.
    #expect(programs(after: keys("|wc") + [.escape]).1.isEmpty)
    #expect(programs(after: keys("|  ") + [.enter]).1.isEmpty)
    #expect(!programs(after: keys("|q")).1.contains { $0.isQuit })
  }

  @Test func copyingNeedsTheUsersSayso() {
    let (refused, none) = programs(after: keys("y"))
    #expect(none.isEmpty)
    #expect(refused.message == "Copying writes to your clipboard: set MARQUEE_OSC52=1 to allow it")
    #expect(
      programs(after: keys("y"), clipboard: true).1.map(\.copied) == ["/articles/sourced.txt"])
    #expect(
      programs(after: keys("Y"), clipboard: true).1.map(\.copied) == ["https://example.com/story"])
  }

  @Test func aFileReadAgainTakesItsPlaceInTheListAndTheIndex() {
    var (state, _) = programs(after: [])
    let edited = Article(
      path: Self.sourced.path, sourceURL: Self.sourced.sourceURL, title: "Rewritten Headline",
      dek: "", body: [.paragraph("Zeppelin text.")], images: [])
    state = updated(state, .reread(0, edited))
    #expect(state.store[0].title == "Rewritten Headline")
    #expect(state.message == "Read /articles/sourced.txt again")
    for key in keys("/zeppelin") { state = updated(state, .key(key)) }
    #expect(state.listedArticles.map(\.title) == ["Rewritten Headline"])
  }
}
