import Foundation

/// A reproducible corpus of invented articles in the layout of scraped entertainment
/// pages, for benchmarks and for tests that need more than a handful of files.
///
/// Article `i` of seed `s` is always the same text, whatever else is generated and on
/// whichever thread: each article has its own SplitMix64 stream. Words follow a Zipf
/// ranking (function words, then common entertainment words, then ~50,000 pseudo-words),
/// so posting lists are as uneven as in real text; the layout (title, dek, a gallery
/// block, paragraphs, a captioned image, more paragraphs, a footer) is the one
/// `ArticleParser` reads, at about 2.6 KB per article like the seed article.
public struct SyntheticCorpus: Sendable {
  public let seed: UInt64

  public init(seed: UInt64) {
    self.seed = seed
  }

  /// The file text of article `index` (0-based).
  public func articleText(_ index: Int) -> String {
    article(index).text
  }

  /// Article `index` with the parts it was built from, so tests can check what a parser
  /// makes of the text against what the generator meant.
  public func article(_ index: Int) -> SyntheticArticle {
    var composer = ArticleComposer(random: SplitMix64(seed: seed, stream: UInt64(index)))
    return composer.compose()
  }

  /// Writes articles `0..<count` as `dNNNN/NNNNNNN.txt` under `directory`, `perFolder`
  /// files to a folder (big flat folders are slow to list and unlike real archives).
  /// Folders are written in parallel; the first error stops the rest and is thrown.
  public func write(count: Int, to directory: URL, perFolder: Int = 100) throws {
    precondition(count >= 0 && perFolder > 0, "count must be ≥ 0 and perFolder ≥ 1")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let folders = (count + perFolder - 1) / perFolder
    let failure = FirstFailure()
    DispatchQueue.concurrentPerform(iterations: folders) { folder in
      guard !failure.happened else { return }
      do {
        let folderURL = directory.appendingPathComponent("d" + Self.padded(folder, width: 4))
        try FileManager.default.createDirectory(
          at: folderURL, withIntermediateDirectories: true)
        for index in (folder * perFolder)..<min(count, (folder + 1) * perFolder) {
          let file = folderURL.appendingPathComponent(Self.padded(index, width: 7) + ".txt")
          try Data(articleText(index).utf8).write(to: file)
        }
      } catch {
        failure.record(error)
      }
    }
    if let error = failure.error { throw error }
  }

  /// The image credits the generator draws from, most used first.
  public static var credits: [String] { Vocabulary.credits }

  static func padded(_ value: Int, width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}

/// One generated article: its file text and the parts it was made of.
public struct SyntheticArticle: Sendable, Hashable {
  public let title: String
  public let dek: String
  /// Body paragraphs in order (the captioned image stands after `paragraphsBeforeCaption`).
  public let paragraphs: [String]
  public let paragraphsBeforeCaption: Int
  public let galleryLabel: String
  public let galleryCredit: String
  public let captionLabel: String
  public let caption: String
  public let captionCredit: String
  /// The whole file, ending with a newline.
  public let text: String
}

/// Keeps the first error thrown by parallel workers.
///
/// `@unchecked Sendable` is sound because every access to `stored` holds `lock`.
private final class FirstFailure: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: Error?

  var error: Error? { lock.withLock { stored } }
  var happened: Bool { error != nil }

  func record(_ error: Error) {
    lock.withLock { stored = stored ?? error }
  }
}
