import Foundation
import MarqueeTestSupport
import Testing

@Suite("marquee show")
struct ShowCommandTests {
  private static let article = Samples.harbor

  @Test func jsonHasTheDocumentedShape() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try folder.write(Self.article, to: "harbor.txt")
    let result = try CLIRunner.run(["show", path, "--json"])
    #expect(result.status == 0)
    #expect(result.stderr == "")
    let json = try JSON.object(result.stdout)

    #expect(
      Set(json.keys)
        == [
          "path", "title", "dek", "author", "date", "published", "paragraphs", "images",
          "words", "url", "minutes", "related",
        ])
    #expect(json["path"] as? String == path)
    #expect(json["title"] as? String == Self.article.title)
    #expect(json["dek"] as? String == Self.article.dek)
    #expect(json["words"] as? Int == Self.article.wordCount)
    #expect(json["minutes"] as? Int == 1)
    #expect(json["url"] is NSNull)
    #expect(json["published"] is NSNull)
    #expect(json["author"] is NSNull)
    #expect(json["date"] is NSNull)
    #expect((json["related"] as? [Any])?.isEmpty == true)
  }

  @Test func jsonParagraphsExcludeDekImagesAndFooter() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try folder.write(Self.article, to: "harbor.txt")
    let result = try CLIRunner.run(["show", path, "--json"])
    #expect(result.status == 0)
    let json = try JSON.object(result.stdout)
    let paragraphs = try #require(json["paragraphs"] as? [String])
    #expect(paragraphs == Self.article.paragraphs)
    for paragraph in paragraphs {
      #expect(!paragraph.contains("More From Our Partners"))
      #expect(!paragraph.contains("View gallery"))
      #expect(!paragraph.contains("Image Credit"))
      #expect(!paragraph.contains(Self.article.gallery.label))
      #expect(paragraph != Self.article.dek)
    }
  }

  @Test func jsonImagesCarryLabelCaptionCreditAndGallery() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try folder.write(Self.article, to: "harbor.txt")
    let result = try CLIRunner.run(["show", path, "--json"])
    #expect(result.status == 0)
    // A gallery image has no caption: the key is present with an explicit null.
    #expect(result.stdout.contains("\"caption\" : null"))

    let json = try JSON.object(result.stdout)
    let images = try #require(json["images"] as? [[String: Any]])
    try #require(images.count == 2)
    let captioned = try #require(Self.article.captioned.first)

    let gallery = images[0]
    #expect(Set(gallery.keys) == ["label", "caption", "credit", "gallery"])
    #expect(gallery["label"] as? String == Self.article.gallery.label)
    #expect(gallery["caption"] is NSNull)
    #expect(gallery["credit"] as? String == Self.article.gallery.credit)
    #expect(gallery["gallery"] as? Bool == true)

    let second = images[1]
    #expect(Set(second.keys) == ["label", "caption", "credit", "gallery"])
    #expect(second["label"] as? String == captioned.label)
    #expect(second["caption"] as? String == captioned.caption)
    #expect(second["credit"] as? String == captioned.credit)
    #expect(second["gallery"] as? Bool == false)
  }

  @Test func textWrapsToTheGivenWidth() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try folder.write(Self.article, to: "harbor.txt")
    let result = try CLIRunner.run(["show", path, "--width", "40"])
    #expect(result.status == 0)
    #expect(result.stderr == "")
    let lines = result.stdoutLines
    // The title comes first, wrapped like everything else.
    let titleLines = lines.prefix { !$0.isEmpty }
    #expect(titleLines.count == 2)
    #expect(titleLines.joined(separator: " ") == Self.article.title)
    #expect(lines.count > 20, "the body should have been wrapped onto many lines")
    for line in lines {
      #expect(line.count <= 40, "line wider than 40 columns: \(line)")
    }
    #expect(lines.contains { $0.count > 30 }, "lines should use most of the width")

    // Words are only moved between lines, so joining the lines gives the blocks back.
    let blocks = result.stdout.components(separatedBy: "\n\n").map {
      $0.replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
    }
    #expect(blocks.contains(Self.article.dek))
    for paragraph in Self.article.paragraphs {
      #expect(blocks.contains(paragraph))
    }
    #expect(blocks.contains(Self.galleryMarker))
    #expect(blocks.contains(Self.captionedMarker))
    #expect(!result.stdout.contains("More From Our Partners"))
  }

  @Test func textWithoutWrappingShowsImageMarkersInReadingOrder() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try folder.write(Self.article, to: "harbor.txt")
    let result = try CLIRunner.run(["show", path, "--width", "0"])
    #expect(result.status == 0)
    let blocks = result.stdout.components(separatedBy: "\n\n").map {
      $0.trimmingCharacters(in: .newlines)
    }
    let expected =
      [Self.article.title, Self.article.dek, Self.galleryMarker] + Self.article.opening
      + [Self.captionedMarker] + Self.article.closing
    #expect(blocks == expected)
    #expect(result.stdoutLines.contains { $0.count > 40 })
  }

  @Test func rejectsANegativeWidth() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try folder.write(Self.article, to: "harbor.txt")
    let result = try CLIRunner.run(["show", path, "--width", "-3"])
    #expect(result.status != 0)
    #expect(result.stdout == "")
    #expect(result.stderr.contains("--width"))
  }

  /// `[Image: label · Credit: X]` for the gallery image, which has no caption.
  private static var galleryMarker: String {
    "[Image: \(article.gallery.label) · Credit: \(article.gallery.credit)]"
  }

  /// `[Image: label — caption · Credit: X]` for the captioned image.
  private static var captionedMarker: String {
    guard let image = article.captioned.first else { return "<no captioned image>" }
    return "[Image: \(image.label) — \(image.caption) · Credit: \(image.credit)]"
  }
}
