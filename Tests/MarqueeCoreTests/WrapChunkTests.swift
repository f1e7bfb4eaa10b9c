import Testing

@testable import MarqueeCore

/// `TextWrapper.chunks` reads ASCII byte by byte and everything else as `Character`s;
/// these tests hold it to reading every cluster as a `Character`, on text that mixes the
/// cases where the two could part: combining marks after ASCII letters, CR LF, a
/// prepended scalar before a digit, CJK next to ASCII punctuation, joined emoji.

/// The chunks as reading one `Character` at a time finds them (the rule `chunks` keeps).
private func chunksClusterByCluster(_ text: String) -> [TextWrapper.Chunk] {
  var chunks: [TextWrapper.Chunk] = []
  var start: String.Index?
  var width = 0
  var joinsPrevious = false
  var previous: Character = " "
  var previousWidth = 0
  var index = text.startIndex
  while index < text.endIndex {
    let character = text[index]
    if TextWrapper.isBreakingSpace(character) {
      if let open = start {
        chunks.append(.init(text: text[open..<index], width: width, joinsPrevious: joinsPrevious))
        start = nil
      }
    } else {
      let columns = DisplayWidth.of(character)
      if start == nil {
        (start, width, joinsPrevious) = (index, 0, false)
      } else if let open = start,
        TextWrapper.canBreak(after: previous, previousWidth, before: character, columns)
      {
        chunks.append(.init(text: text[open..<index], width: width, joinsPrevious: joinsPrevious))
        (start, width, joinsPrevious) = (index, 0, true)
      }
      width += columns
      (previous, previousWidth) = (character, columns)
    }
    index = text.index(after: index)
  }
  if let open = start {
    chunks.append(.init(text: text[open...], width: width, joinsPrevious: joinsPrevious))
  }
  return chunks
}

private func summary(_ chunks: [TextWrapper.Chunk]) -> [String] {
  chunks.map { "\($0.text)|\($0.width)|\($0.joinsPrevious)" }
}

@Test func wrapChunksAgreeWithReadingEveryCluster() {
  let pieces = [
    "a", "Z", "7", " ", "  ", "\t", "\n", "\r\n", "\r", ".", ",", "(", ")", "e\u{301}",
    "\u{301}", "\u{600}1", "\u{A0}", "日本", "「", "」", "。", "😀", "👨‍👩‍👧‍👦", "❤️", "\u{7F}",
    "\u{1}", "é", "ok", "\u{200D}", "🇫🇷", "x\u{FE0F}",
  ]
  var generator = SeededGenerator(seed: 11)
  for _ in 0..<2_000 {
    let count = Int.random(in: 0...12, using: &generator)
    let text = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
    #expect(
      summary(TextWrapper.chunks(of: text)) == summary(chunksClusterByCluster(text)),
      "\(Array(text.unicodeScalars))")
  }
}

@Test func asciiWordsAreChunkedAtSpacesOnly() {
  let chunks = TextWrapper.chunks(of: "  Hello, world!\tnew\nline  ")
  #expect(summary(chunks) == ["Hello,|6|false", "world!|6|false", "new|3|false", "line|4|false"])
  // A combining mark after an ASCII letter stays in its cluster and its chunk.
  #expect(
    summary(TextWrapper.chunks(of: "cafe\u{301} ok")) == ["cafe\u{301}|4|false", "ok|2|false"])
  // CJK breaks between its clusters, but not before closing punctuation.
  #expect(summary(TextWrapper.chunks(of: "日本。a")) == ["日|2|false", "本。|4|true", "a|1|true"])
}

/// Lines built word by word from the chunks, for text whose words all fit a line.
private func linesWordByWord(_ text: String, width: Int) -> [String] {
  var lines: [String] = []
  var line = ""
  var lineWidth = 0
  for chunk in TextWrapper.chunks(of: text) {
    let gap = line.isEmpty || chunk.joinsPrevious ? 0 : 1
    if lineWidth + gap + chunk.width > width {
      lines.append(line)
      (line, lineWidth) = ("", 0)
    } else if gap == 1 {
      line += " "
      lineWidth += 1
    }
    line += chunk.text
    lineWidth += chunk.width
  }
  return lines + [line]
}

@Test func wrappedLinesAreTheWordsJoinedBySingleSpaces() {
  // Runs of spaces, tabs and line breaks between words: a line is then built, not sliced.
  let pieces = ["word", "a", "longer", " ", " ", "  ", "\t", "\n", "日本", "é", "x.", "(y)"]
  var generator = SeededGenerator(seed: 5)
  for _ in 0..<1_000 {
    let count = Int.random(in: 1...30, using: &generator)
    let text = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
    let widest = TextWrapper.chunks(of: text).map(\.width).max() ?? 0
    let width = max(widest, Int.random(in: 6...20, using: &generator))
    #expect(TextWrapper.wrap(text, width: width) == linesWordByWord(text, width: width), "\(text)")
  }
}

@Test func wrappingAFewLinesAtATimeGivesTheLinesOfTheWhole() {
  let pieces = [
    "word", "a", "longerthanaline", " ", "  ", "\n", "日本語", "「", "」", "。", "👨‍👩‍👧‍👦", "e\u{301}",
  ]
  var generator = SeededGenerator(seed: 9)
  for _ in 0..<1_000 {
    let count = Int.random(in: 0...30, using: &generator)
    let text = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
    let width = Int.random(in: 1...16, using: &generator)
    let step = Int.random(in: 1...3, using: &generator)
    var lines: [String] = []
    var start = text.startIndex
    while true {
      let part = TextWrapper.wrap(text, width: width, from: start, maxLines: step)
      #expect(part.rest == nil || part.lines.count >= step)
      lines += part.lines
      guard let rest = part.rest else { break }
      start = rest
    }
    #expect(lines == TextWrapper.wrap(text, width: width), "\(text) at \(width)")
  }
}
