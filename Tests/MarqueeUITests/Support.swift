import Foundation
import MarqueeCore
import Testing

@testable import MarqueeUI

/// Articles written for these tests (fictional), built directly as values.
enum Sample {
  static func article(
    _ name: String, title: String, dek: String = "A standfirst that sets the scene.",
    paragraphs: [String] = [], images: [ArticleImage] = [], imagePositions: [Int] = []
  ) -> Article {
    var body: [ArticleBlock] = paragraphs.map { .paragraph($0) }
    for (index, position) in imagePositions.enumerated().reversed() {
      body.insert(.image(index), at: min(position, body.count))
    }
    return Article(
      path: "/articles/\(name).txt", title: title, dek: dek, body: body, images: images)
  }

  static let premiere = article(
    "premiere", title: "Glass Harbor Premiere Dazzles",
    paragraphs: (1...12).map {
      "Paragraph \($0) of the premiere story, with a few more words to wrap."
    },
    images: [
      ArticleImage(label: "Ava Lind Theo Marsh", caption: nil, credit: "YouTube", isGallery: true),
      ArticleImage(
        label: "Ava Lind", caption: "Ava Lind waves on the carpet in Oslo.", credit: "Nordpix"),
    ],
    imagePositions: [0, 6])

  static let noImages = article(
    "quiet", title: "A Quiet Week In Streaming", paragraphs: ["Nothing much happened."])

  static let cjk = article(
    "cjk", title: "「月影の約束」最終回 🎬 視聴率18.4%", paragraphs: ["日本語の本文です。"])

  static func many(_ count: Int) -> [Article] {
    (0..<count).map {
      article(String(format: "%03d", $0), title: "Story number \($0)", paragraphs: ["Body \($0)."])
    }
  }

  static let trio = [premiere, noImages, cjk]
}

/// An article laid out whole at `width`, and its lines with a match of `terms`.
func wholeLayout(
  _ article: Article, width: Int, terms: [HighlightTerm] = []
) -> (document: DetailDocument, matchLines: [Int]) {
  let document = DetailDocument(article: article, width: width)
  var matches = DetailMatches(terms: terms)
  matches.scan(document, moreLines: .max)
  return (document, matches.lines)
}

/// The state after an action, its effects left out (most tests look at the state).
func updated(_ state: ReaderState, _ action: Action, keymap: Keymap = .standard) -> ReaderState {
  update(state, action, keymap: keymap).state
}

/// The effects of each key, in order, driven as `screenAfter` drives them.
func effectsAfter(
  _ keys: [Key], articles: [Article] = Sample.trio, size: Size = Size(columns: 120, rows: 30)
) -> [[Effect]] {
  var state = updated(ReaderState(articles: articles, size: size), .resize(size))
  return keys.map { key in
    let (next, effects) = update(state, .key(key))
    state = next
    return effects
  }
}

/// Whether any of the keys asks the reader to quit.
func quits(after keys: [Key], size: Size = Size(columns: 120, rows: 30)) -> Bool {
  effectsAfter(keys, size: size).joined().contains { $0.isQuit }
}

extension Effect {
  var isQuit: Bool { if case .quit = self { true } else { false } }
  var isRedraw: Bool { if case .redraw = self { true } else { false } }
  /// The program this effect asks to run, or the text to copy, if it does.
  var program: OtherProgram? { if case .run(let program) = self { program } else { nil } }
  var copied: String? { if case .copy(let text) = self { text } else { nil } }
  /// The search this effect asks to run, if it does.
  var searchRequest: SearchRequest? {
    if case .runSearch(let request) = self { request } else { nil }
  }
}

/// Drives the reader the way the terminal would: a size, then keys.
func screenAfter(
  _ keys: [Key], articles: [Article] = Sample.trio, size: Size = Size(columns: 120, rows: 30)
) -> (ReaderState, Screen) {
  var state = ReaderState(articles: articles, size: size)
  state = updated(state, .resize(size))
  for key in keys { state = updated(state, .key(key)) }
  return (state, render(state, size: size))
}

/// Keys from a string of characters, for brevity: "jjc" → j, j, c.
func keys(_ text: String) -> [Key] { text.map { Key.character($0) } }

/// The screen for `state` once resized to `size`: `render` draws a state at its own
/// size, and the reader's loop sends a resize before it draws at a new one.
func render(_ state: ReaderState, size: Size, keymap: Keymap = .standard) -> Screen {
  render(state.size == size ? state : updated(state, .resize(size), keymap: keymap), keymap: keymap)
}
