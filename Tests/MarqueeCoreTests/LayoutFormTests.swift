import Foundation
import MarqueeTestSupport
import Testing

@testable import MarqueeCore

/// One invented page per form of layout (`Fixtures/Forms/NAME.txt`), with what
/// `marquee show --explain` must say of it (`NAME.explain`): every line, what it became
/// and the rule that decided. After a deliberate change of the rules, run with
/// `MARQUEE_UPDATE_FIXTURES=1` to rewrite the `.explain` files, then read their diff.
@Suite("Layout forms, explained")
struct LayoutFormTests {
  static let folder = PackageRoot.url.appendingPathComponent(
    "Tests/MarqueeCoreTests/Fixtures/Forms")

  static let forms: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
  }()

  @Test func thereIsAFixturePerForm() {
    #expect(Self.forms.count >= 10)
  }

  @Test(arguments: forms)
  func explanationMatchesTheFixture(form: String) throws {
    let page = try String(
      contentsOf: Self.folder.appendingPathComponent(form + ".txt"), encoding: .utf8)
    let explained = try ArticleParser.explain(text: page, path: form + ".txt").get()
    let text = ExplanationText.render(explained.lines)
    let expectedURL = Self.folder.appendingPathComponent(form + ".explain")
    if ProcessInfo.processInfo.environment["MARQUEE_UPDATE_FIXTURES"] == "1" {
      try text.write(to: expectedURL, atomically: true, encoding: .utf8)
    }
    let expected = try String(contentsOf: expectedURL, encoding: .utf8)
    let got = text.split(separator: "\n", omittingEmptySubsequences: false)
    let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
    for (index, (line, wanted)) in zip(got, want).enumerated() where line != wanted {
      Issue.record("line \(index + 1) of \(form).explain:\n  got:  \(line)\n  want: \(wanted)")
      break
    }
    #expect(
      got.count == want.count, "\(form): \(got.count) lines explained, \(want.count) expected")
  }
}
