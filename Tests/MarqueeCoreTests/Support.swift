import Foundation
import MarqueeSynthetic
import MarqueeTestSupport
import Testing

@testable import MarqueeCore

/// Parses text that the test wrote, failing the test if the parser skips it.
func parseArticle(_ text: String, path: String = "test.txt") throws -> Article {
  try ArticleParser.parse(text: text, path: path).get()
}

/// Parses raw bytes the way the loader does.
func parseBytes(_ bytes: [UInt8], path: String = "test.bin") -> Result<Article, SkipReason> {
  bytes.withUnsafeBytes { ArticleParser.parse(bytes: $0, path: path) }
}

/// The seeded generator the synthetic corpus uses, so random tests repeat exactly.
typealias SeededGenerator = SplitMix64

/// An article in the seed's layout, written for these tests (fictional people).
let galleryFixture = """
  Mara Quill’s Partner Tobias Venn Steps Out In Their New Video For ‘Paper Moons’: Watch

  Mara Quill said the video, shot by their partner Tobias Venn, shows ‘the night we met.’ See it here!

  Mara Quill Tobias Venn
  View gallery
  Image Credit: YouTube

  Mara Quill, 29, released the single “Paper Moons” on Friday, March 3 — with a video that stars Tobias Venn, 31.

  “We filmed it in one long night,” Mara said in an interview. “It felt like a home movie.”

  Mara Quill Tobias Venn
  Mara Quill and Tobias Venn dance on a rooftop in the video for “Paper Moons,” released March 3, 2023. (YouTuub)

  In the video, Mara plays a singer who keeps missing the last train home.

  Fans have waited two years for new music from the singer, who thanked them online.

  More From Our Partners
  """
