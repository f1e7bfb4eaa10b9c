import Foundation
import MarqueeTestSupport
import Testing

@testable import MarqueeCore

/// The real corpora and seed in `../shared`, which nobody on this project wrote. These
/// tests are skipped, with that reason, on a clone without `../shared`.
@Suite("Real corpora in ../shared")
struct CorporaTests {
  @Test(
    .enabled(if: SharedFolder.exists("seeds/000_c8922d68917c0944.txt"), "../shared/seeds is absent")
  )
  func seedArticleParsesAsSpecified() throws {
    let (articles, report) = try ArticleLoader.load(
      paths: [SharedFolder.path("seeds/000_c8922d68917c0944.txt")])
    #expect(report.skipped.isEmpty)
    let article = try #require(articles.first)
    #expect(
      article.title
        == "Halsey’s Partner Alev Aydin Makes Rare Public Appearance In Their New Video For ‘So Good’: Watch"
    )
    #expect(article.dek.hasPrefix("Halsey said that the video directed by"))
    #expect(article.dek.hasSuffix("Watch it here!"))
    let starts = [
      "Halsey, 27, dropped", "“The film we created", "In the video,", "As Halsey fans know",
    ]
    try #require(article.paragraphs.count == 4)
    for (paragraph, start) in zip(article.paragraphs, starts) {
      #expect(paragraph.hasPrefix(start))
    }
    let fields =
      [article.title, article.dek] + article.paragraphs
      + article.images.flatMap { [$0.label, $0.caption, $0.credit].compactMap { $0 } }
    #expect(!fields.contains { $0.contains("More From Our Partners") })
    try #require(article.images.count == 2)
    #expect(
      article.images[0]
        == ArticleImage(
          label: "Halsey Alev Aydin", caption: nil, credit: "YouTube", isGallery: true))
    #expect(
      article.images[1]
        == ArticleImage(
          label: "Halsey Alev Aydin",
          caption:
            "Halsey and their partner Alev Aydin share a romantic kiss in their latest music "
            + "video, “So Good,” which premiered on June 10, 2022.",
          credit: "YoutTube", isGallery: false))
    let shape = article.body.map { block -> String in
      if case .image = block { return "image" }
      return "text"
    }
    #expect(shape == ["image", "text", "text", "image", "text", "text"])
  }

  @Test(
    .enabled(if: SharedFolder.exists("corpora/bbc"), "../shared/corpora/bbc is absent"),
    arguments: ["corpora/bbc", "corpora/celebrity", "corpora/reuters-wrapped"])
  func everyFileLoadsCleanly(corpus: String) throws {
    let (articles, report) = try ArticleLoader.load(paths: [SharedFolder.path(corpus)])
    #expect(report.skipped.isEmpty, "\(report.skipped.prefix(5))")
    #expect(articles.count == report.filesSeen)
    #expect(articles.count > 100)
    for article in articles {
      #expect(!article.title.isEmpty, "\(article.path)")
      let fields =
        [article.title, article.dek] + article.paragraphs
        + article.images.flatMap { [$0.label, $0.caption, $0.credit].compactMap { $0 } }
      #expect(!fields.contains { $0.contains("\u{FFFD}") }, "\(article.path)")
    }
  }

  /// Every file under `corpora`, whatever its name: loaded, or skipped with a reason, and
  /// none missed (hidden entries such as `.DS_Store` are skipped by design, unseen).
  @Test(.enabled(if: SharedFolder.exists("corpora"), "../shared/corpora is absent"))
  func everyFileUnderTheCorporaLoadsOrIsSkippedWithAReason() throws {
    let root = SharedFolder.path("corpora")
    let (articles, report) = try ArticleLoader.load(
      paths: [root], options: LoadOptions(includeGlobs: ["*"]))
    #expect(articles.count + report.skipped.count == report.filesSeen)
    for skip in report.skipped {
      #expect(!skip.reason.description.isEmpty, "\(skip.path)")
    }
    var visible: Set<String> = []
    let walker = try #require(
      FileManager.default.enumerator(
        at: URL(fileURLWithPath: root), includingPropertiesForKeys: [.isRegularFileKey],
        options: [.skipsHiddenFiles]))
    for case let url as URL in walker
    where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
      visible.insert(url.path)
    }
    let accounted = Set(articles.map(\.path) + report.skipped.map(\.path))
    #expect(accounted == visible, "missed: \(visible.subtracting(accounted).sorted().prefix(5))")
  }

  /// Where a file is not UTF-8 and holds the Latin-1 bytes for `£` (0xA3) or `ü` (0xFC),
  /// its article shows those characters: the bytes were read as Windows-1252, not
  /// replaced by U+FFFD.
  @Test(
    .enabled(if: SharedFolder.exists("corpora/bbc"), "../shared/corpora is absent"),
    arguments: ["corpora/bbc", "corpora/celebrity", "corpora/reuters-wrapped"])
  func latin1PoundsAndUmlautsSurviveInEveryFile(corpus: String) throws {
    let (articles, _) = try ArticleLoader.load(paths: [SharedFolder.path(corpus)])
    var latin1Files = 0
    for article in articles {
      let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: article.path)))
      guard String(validating: bytes, as: UTF8.self) == nil else { continue }
      latin1Files += 1
      let text =
        ([article.title, article.dek] + article.paragraphs + article.relatedLinks
        + article.images.flatMap { [$0.label, $0.caption, $0.credit].compactMap { $0 } })
        .joined(separator: "\n")
      for (byte, character) in [(UInt8(0xA3), "£"), (UInt8(0xFC), "ü")] where bytes.contains(byte) {
        #expect(text.contains(character), "\(article.path) lost its \(character)")
      }
      #expect(!text.contains("\u{FFFD}"), "\(article.path)")
    }
    if corpus != "corpora/celebrity" {
      #expect(latin1Files > 0, "\(corpus) has files that are not UTF-8")
    }
  }

  @Test(.enabled(if: SharedFolder.exists("corpora/bbc"), "../shared/corpora/bbc is absent"))
  func latin1BytesDecodeAsLatin1() throws {
    let (bbc, _) = try ArticleLoader.load(paths: [SharedFolder.path("corpora/bbc/sport/199.txt")])
    #expect(try #require(bbc.first).paragraphs.joined().contains("£"))
    let (reuters, _) = try ArticleLoader.load(
      paths: [SharedFolder.path("corpora/reuters-wrapped/17980.txt")])
    #expect(try #require(reuters.first).paragraphs.joined().contains("ü"))
  }

  @Test(.enabled(if: SharedFolder.exists("corpora/reuters-wrapped"), "../shared/corpora is absent"))
  func reutersIndentsStartParagraphs() throws {
    let (articles, _) = try ArticleLoader.load(paths: [SharedFolder.path("corpora/reuters-wrapped")]
    )
    let multiParagraph = articles.filter { $0.paragraphs.count >= 2 }
    #expect(multiParagraph.count > articles.count / 2)
    #expect(!articles.contains { $0.paragraphs.contains { $0.hasPrefix(" ") } })
  }

  @Test(.enabled(if: SharedFolder.exists("corpora/newsgroups-odd"), "../shared/corpora is absent"))
  func oddNewsgroupPostsLoadOrSkipWithoutControls() throws {
    let (articles, report) = try ArticleLoader.load(
      paths: [SharedFolder.path("corpora/newsgroups-odd")],
      options: LoadOptions(includeGlobs: ["*"]))
    #expect(articles.count + report.skipped.count == report.filesSeen)
    #expect(articles.count > 200)
    for article in articles {
      let fields = [article.title, article.dek] + article.paragraphs
      let hasControl = fields.contains { field in
        field.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
      }
      #expect(!hasControl, "\(article.path)")
    }
  }

  @Test(.enabled(if: SharedFolder.exists("corpora/celebrity"), "../shared/corpora is absent"))
  func celebrityCreditsAreFound() throws {
    let store = try ArticleStore.load(paths: [SharedFolder.path("corpora/celebrity")])
    let credits = Set(store.creditTally().map(\.credit))
    #expect(credits.isSuperset(of: ["Getty Images", "Splash"]))
    let affleck = try #require(store.articles.first { $0.path.hasSuffix("fake/229fake.txt") })
    #expect(affleck.images.map(\.credit) == ["Splash"])
    #expect(affleck.images.first?.label?.isEmpty == false)
  }
}
