import Foundation
import MarqueeTestSupport
import Testing

extension TemporaryFolder {
  /// Writes an article fixture to `name` and returns its path.
  @discardableResult
  func write(_ article: ArticleFixture, to name: String) throws -> String {
    try write(article.text, to: name)
  }
}

/// A two-line captioned image: `label` / `caption (Credit)`.
struct CaptionedImage {
  let label: String
  /// A sentence ending with a full stop; the credit is appended in parentheses.
  let caption: String
  let credit: String
}

/// A gallery image: `label` / `View gallery` / `Image Credit: credit`.
struct GalleryImage {
  let label: String
  let credit: String
}

/// An article file in the layout of scraped entertainment pages:
///
///     Title
///
///     Dek paragraph.
///
///     Gallery label
///     View gallery
///     Image Credit: Someone
///
///     Opening paragraphs…
///
///     Captioned label
///     A caption sentence. (Credit)
///
///     Closing paragraphs…
///
///     More From Our Partners
struct ArticleFixture {
  var title: String
  var dek: String
  var gallery: GalleryImage
  var opening: [String]
  var captioned: [CaptionedImage]
  var closing: [String]

  var text: String {
    var blocks = [title, dek]
    blocks.append("\(gallery.label)\nView gallery\nImage Credit: \(gallery.credit)")
    blocks += opening
    for image in captioned {
      blocks.append("\(image.label)\n\(image.caption) (\(image.credit))")
    }
    blocks += closing
    blocks.append("More From Our Partners")
    return blocks.joined(separator: "\n\n") + "\n"
  }

  /// The body paragraphs the parser should find: no dek, image block or footer.
  var paragraphs: [String] { opening + closing }

  var imageCount: Int { 1 + captioned.count }

  /// Words in title, dek and paragraphs (fixture words are plain ASCII, space-separated).
  var wordCount: Int {
    ([title, dek] + paragraphs).reduce(0) { total, text in
      total + text.split(whereSeparator: \.isWhitespace).count
    }
  }
}

/// Invented articles used across the tests. Their file names, titles and lengths are
/// chosen so that path order, title order and length order all differ.
enum Samples {
  /// Path order 1st, title order 2nd, length 2nd; 2 images.
  static let harbor = ArticleFixture(
    title: "Moonlit Harbor Festival Opens With A Surprise Duet",
    dek: "The seaside festival began with a duet nobody had announced, and the crowd of "
      + "thousands sang along until midnight.",
    gallery: GalleryImage(label: "Ines Valder Tomas Reyk", credit: "Lumen Wire"),
    opening: [
      "Ines Valder walked onto the pier stage just after nine, carrying only a borrowed "
        + "guitar and a folded set list that she later admitted was mostly blank.",
      "Moments later Tomas Reyk joined her for a slow version of their old hit, and the "
        + "festival organisers say the ferry schedule had to be extended to get everyone home.",
    ],
    captioned: [
      CaptionedImage(
        label: "Ines Valder Harbor Stage",
        caption: "Ines Valder performs on the floating stage at the harbor festival.",
        credit: "Kestrel Photo Agency")
    ],
    closing: [
      "The festival continues all weekend with twelve more acts, and tickets for the final "
        + "night sold out within an hour of the duet clip appearing online."
    ])

  /// Path order 2nd, title order 1st, length 3rd (shortest); 3 images.
  static let beacon = ArticleFixture(
    title: "Beacon Street Players Announce A Winter Tour",
    dek: "The comedy troupe will visit nine cities before the spring thaw.",
    gallery: GalleryImage(label: "Beacon Street Players", credit: "Northgate Studios"),
    opening: [
      "The troupe confirmed the dates in a short video filmed inside a very cold bus."
    ],
    captioned: [
      CaptionedImage(
        label: "Marla Pennick Rehearsal",
        caption: "Marla Pennick rehearses a new sketch in the troupe's tiny studio.",
        credit: "Northgate Studios"),
      CaptionedImage(
        label: "Beacon Street Tour Bus",
        caption: "The tour bus was painted bright orange for the occasion.",
        credit: "Lumen Wire"),
    ],
    closing: ["Tickets go on sale next Friday morning."])

  /// Path order 3rd, title order 3rd, length 1st (longest); 4 images.
  static let orchard = ArticleFixture(
    title: "Orchard Lane Finale Leaves Viewers Guessing",
    dek: "The final episode of the small-town mystery answered one question and raised "
      + "at least four more, according to a very busy fan forum.",
    gallery: GalleryImage(label: "Orchard Lane Cast", credit: "Pellucid Pictures"),
    opening: [
      "For six seasons the residents of Orchard Lane have hidden secrets in cellars, attics "
        + "and, memorably, inside a prize-winning pumpkin, so viewers expected a tidy ending.",
      "Instead the finale closed on a long shot of the village clock tower, stopped at "
        + "seven minutes past four, with no explanation offered by any character on screen.",
      "The showrunner, Delphine Auberly, told a podcast that the clock was a deliberate "
        + "puzzle and that the answer had been visible in the very first episode all along.",
    ],
    captioned: [
      CaptionedImage(
        label: "Delphine Auberly Premiere",
        caption: "Delphine Auberly arrives at the finale screening in a green velvet suit.",
        credit: "Pellucid Pictures"),
      CaptionedImage(
        label: "Orchard Lane Clock Tower",
        caption: "The clock tower set was built at full size in a disused quarry.",
        credit: "Aster Frames"),
      CaptionedImage(
        label: "Orchard Lane Fans",
        caption: "Fans gathered outside the studio gates to watch the finale together.",
        credit: "Pellucid Pictures"),
    ],
    closing: [
      "Fans have already produced dozens of theories, ranging from time travel to a "
        + "simple power cut, and one forum thread now runs to more than three hundred pages.",
      "The network has not said whether a film or a spin-off is planned, but it did renew "
        + "the composer for another project, which some viewers take as a quiet hint.",
    ])
}

/// JSON parsing helpers that fail the test (rather than crash) on unexpected shapes.
enum JSON {
  static func array(_ text: String) throws -> [[String: Any]] {
    let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(value as? [[String: Any]], "expected a JSON array of objects: \(text)")
  }

  static func object(_ text: String) throws -> [String: Any] {
    let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(value as? [String: Any], "expected a JSON object: \(text)")
  }
}
