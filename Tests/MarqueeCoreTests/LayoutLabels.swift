import Foundation
import MarqueeTestSupport

@testable import MarqueeCore

/// Hand labels of pages (`Labels/*.labels`, format in `Labels/README.md`): what a careful
/// reader says each special line is, by line number.
struct PageLabels {
  enum Label: Equatable {
    case credit(String)
    case caption
    case author(String)
    case date(String)
    case furniture(String)
    case quote
  }

  let path: String
  let lines: [Int: [Label]]
  let images: Int?

  /// The labels folder in the source tree.
  static let folder = PackageRoot.url.appendingPathComponent("Tests/MarqueeCoreTests/Labels")
  /// The invented pages the `invented.labels` file describes.
  static let inventedPages = PackageRoot.url.appendingPathComponent(
    "Tests/MarqueeCoreTests/Fixtures/Pages")

  /// Every page of the label files whose names start with `prefix`.
  static func load(prefix: String) throws -> [PageLabels] {
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasPrefix(prefix) && $0.hasSuffix(".labels") }.sorted()
    return try names.flatMap { name in
      try parse(String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
    }
  }

  static func parse(_ text: String) throws -> [PageLabels] {
    var pages: [PageLabels] = []
    var path: String?
    var lines: [Int: [Label]] = [:]
    var images: Int?
    func flush() {
      if let path { pages.append(PageLabels(path: path, lines: lines, images: images)) }
      lines = [:]
      images = nil
    }
    for record in text.split(separator: "\n", omittingEmptySubsequences: true) {
      if record.hasPrefix("#") { continue }
      if record.hasPrefix("== ") {
        flush()
        path = String(record.dropFirst(3))
        continue
      }
      let fields = record.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      if fields[0] == "images" {
        images = Int(fields[1])
        continue
      }
      guard let number = Int(fields[0]), fields.count >= 2 else {
        throw LabelError.badRecord(String(record))
      }
      let value = fields.count > 2 ? fields[2] : ""
      let label: Label
      switch fields[1] {
      case "credit": label = .credit(value)
      case "caption": label = .caption
      case "author": label = .author(value)
      case "date": label = .date(value)
      case "furniture": label = .furniture(value)
      case "quote": label = .quote
      default: throw LabelError.badRecord(String(record))
      }
      lines[number, default: []].append(label)
    }
    flush()
    return pages
  }

  enum LabelError: Error { case badRecord(String) }
}

/// How the parser's decisions compare with the labels over a set of pages.
struct LayoutScore: CustomStringConvertible {
  var creditsWanted = 0
  var creditsFound = 0
  var creditsMatched = 0
  var furniture = 0
  var furnitureInStory = 0
  var storyLines = 0
  var storyLinesDropped = 0
  var authorsWanted = 0
  var authorsFound = 0
  var datesWanted = 0
  var datesFound = 0
  var pagesWithImageCounts = 0
  var pagesWithExactImages = 0
  /// What went wrong, one line each, for the failure message.
  var misses: [String] = []

  var creditRecall: Double { Double(creditsMatched) / Double(max(1, creditsWanted)) }
  var creditPrecision: Double { Double(creditsMatched) / Double(max(1, creditsFound)) }
  var furnitureLeft: Double { Double(furnitureInStory) / Double(max(1, furniture)) }
  var storyKept: Double { 1 - Double(storyLinesDropped) / Double(max(1, storyLines)) }
  var authorsFoundShare: Double { Double(authorsFound) / Double(max(1, authorsWanted)) }
  var datesFoundShare: Double { Double(datesFound) / Double(max(1, datesWanted)) }
  var exactImagesShare: Double {
    Double(pagesWithExactImages) / Double(max(1, pagesWithImageCounts))
  }

  var description: String {
    """
    credits \(creditsMatched)/\(creditsWanted) found, \(creditsFound) given; \
    furniture in the story \(furnitureInStory)/\(furniture); \
    story lines dropped \(storyLinesDropped)/\(storyLines); \
    authors \(authorsFound)/\(authorsWanted); dates \(datesFound)/\(datesWanted); \
    exact image counts \(pagesWithExactImages)/\(pagesWithImageCounts)
    """ + misses.prefix(40).map { "\n  " + $0 }.joined()
  }

  /// Parses every page under `root` and compares each line's decisions with its labels.
  static func measure(_ pages: [PageLabels], root: URL) throws -> LayoutScore {
    var score = LayoutScore()
    for page in pages {
      let data = try Data(contentsOf: root.appendingPathComponent(page.path))
      let result = data.withUnsafeBytes { ArticleParser.explain(bytes: $0, path: page.path) }
      guard case .success(let explained) = result else {
        score.misses.append("\(page.path): not parsed")
        continue
      }
      score.add(page, explained.lines, imageCount: explained.article.images.count)
    }
    return score
  }

  private mutating func add(_ page: PageLabels, _ lines: [ExplainedLine], imageCount: Int) {
    for line in lines {
      let labels = page.lines[line.number] ?? []
      let place = "\(page.path):\(line.number)"
      let given = line.decisions.filter { $0.role == .credit }.compactMap(\.value).map(Self.normal)
      let wanted = labels.compactMap { label -> String? in
        if case .credit(let value) = label { return Self.normal(value) }
        return nil
      }
      var unmatched = wanted
      for credit in given {
        if let index = unmatched.firstIndex(of: credit) {
          unmatched.remove(at: index)
          creditsMatched += 1
        } else {
          misses.append("\(place): credit “\(credit)” is not labelled")
        }
      }
      for credit in unmatched { misses.append("\(place): credit “\(credit)” missed") }
      creditsWanted += wanted.count
      creditsFound += given.count

      let roles = line.decisions.map(\.role)
      let inStory = roles.isEmpty || roles.contains { $0.isStory }
      if labels.contains(where: { if case .furniture = $0 { true } else { false } }) {
        furniture += 1
        if inStory {
          furnitureInStory += 1
          misses.append("\(place): furniture left in the story")
        }
      }
      for label in labels {
        if case .author(let name) = label {
          authorsWanted += 1
          if line.decisions.contains(where: {
            $0.role == .author && $0.value.map(Self.normal) == Self.normal(name)
          }) {
            authorsFound += 1
          } else {
            misses.append("\(place): author “\(name)” missed")
          }
        }
        if case .date = label {
          datesWanted += 1
          if roles.contains(.date) {
            datesFound += 1
          } else {
            misses.append("\(place): date missed")
          }
        }
      }
      if labels.isEmpty {
        storyLines += 1
        if !inStory {
          storyLinesDropped += 1
          misses.append("\(place): story line taken as \(roles.map(\.name))")
        }
      }
    }
    if let images = page.images {
      pagesWithImageCounts += 1
      if images == imageCount { pagesWithExactImages += 1 }
    }
  }

  /// Credits and names compared without case, runs of spaces or a final full stop.
  static func normal(_ text: String) -> String {
    var words = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    while words.hasSuffix(".") { words.removeLast() }
    return words
  }
}
