import Foundation
import MarqueeTestSupport

/// One invented article in the layout of scraped entertainment pages: title, dek, a
/// gallery block credited to YouTube, paragraphs, a captioned image credited to Getty
/// Images, more paragraphs.
struct ReaderArticle {
  let fileName: String
  let title: String
  let dek: String
  let galleryLabel: String
  let opening: [String]
  let captionLabel: String
  /// One sentence ending in a full stop; ` (Getty Images)` follows it in the file.
  let caption: String
  let closing: [String]

  var text: String {
    var blocks = [title, dek, "\(galleryLabel)\nView gallery\nImage Credit: YouTube"]
    blocks += opening
    blocks.append("\(captionLabel)\n\(caption) (Getty Images)")
    blocks += closing
    return blocks.joined(separator: "\n\n") + "\n"
  }

  /// The start of the title, which the list shows even when it cuts the rest off.
  var listTitle: String { String(title.prefix(28)) }

  /// The marker line the article pane shows where the captioned image stands.
  var captionMarker: String { "▣ \(captionLabel) — Image Credit: Getty Images" }
}

/// Three invented articles whose file names and titles sort in the same order, so the
/// reader lists them A, B, C. The first is long enough to scroll.
enum ReaderCorpus {
  static let long = ReaderArticle(
    fileName: "1-aurelia-pike.txt",
    title: "Aurelia Pike Brings Her Lantern Tour To The Old Tram Depot",
    dek: "The folk singer played four hours in a converted tram shed and told the crowd "
      + "that the building had better acoustics than any concert hall she had tried.",
    galleryLabel: "Aurelia Pike Tram Depot",
    opening: (1...18).map(diaryParagraph),
    captionLabel: "Aurelia Pike Encore",
    caption: "Aurelia Pike waves to the balcony during the encore.",
    closing: (19...34).map(diaryParagraph))

  static let second = ReaderArticle(
    fileName: "2-bramble-kite.txt",
    title: "Bramble Kite Sign With A Tiny Label From The Coast",
    dek: "The trio turned down two large offers to stay with friends who press vinyl in "
      + "a boathouse.",
    galleryLabel: "Bramble Kite Boathouse",
    opening: [
      "Bramble Kite announced the deal with a photo of three mugs of tea and a contract "
        + "weighed down by a seashell.",
      "Drummer Osric Fenwald said the label had promised them one thing above all: that "
        + "nobody would ever ask them to shorten a song.",
    ],
    captionLabel: "Osric Fenwald Drums",
    caption: "Osric Fenwald tunes a snare drum on the boathouse jetty.",
    closing: [
      "Their first record for the label is due in the autumn, pressed in a run of five "
        + "hundred copies."
    ])

  static let third = ReaderArticle(
    fileName: "3-cobalt-orchard.txt",
    title: "Cobalt Orchard Cast Reunites For A Radio Play",
    dek: "Ten years after the last episode, the cast recorded a one-hour special in a "
      + "single afternoon.",
    galleryLabel: "Cobalt Orchard Cast",
    opening: [
      "Wenna Halloway, who played the orchard keeper, said the script arrived by post "
        + "with a pressed apple blossom between the pages.",
      "The recording took place in a village hall, and the sound of real rain on the roof "
        + "was kept in the final mix.",
    ],
    captionLabel: "Wenna Halloway Microphone",
    caption: "Wenna Halloway reads her lines at a borrowed microphone.",
    closing: ["The special airs on the first Sunday of next month."])

  static let all = [long, second, third]

  /// A paragraph of the long article's tour diary; each one names its night, so a test
  /// can tell where the article pane is.
  private static func diaryParagraph(_ night: Int) -> String {
    let events = [
      "the support act arrived late because their van had been parked in by a hearse",
      "a tram bell hung from the rafters was rung after every chorus by a volunteer",
      "the lighting crew replaced every bulb with a paper lantern made by local pupils",
      "a power cut left the band playing by torchlight for twenty unplanned minutes",
      "the audience requested the same sea shanty three times and got it three times",
      "an elderly tram driver told stories between songs about the depot's last journey",
      "the merchandise stall sold out of knitted scarves before the doors had opened",
    ]
    let event = events[night % events.count]
    return "Night \(night) of the residency: \(event), and Aurelia Pike wrote it all down "
      + "in the notebook she keeps on her music stand."
  }

  /// Writes the three articles into a fresh temporary folder and returns it.
  static func write() throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    for article in all {
      try folder.write(article.text, to: article.fileName)
    }
    return folder
  }
}
