/// Fits text to terminal columns. Every measurement goes through `DisplayWidth`, so wide CJK
/// and emoji clusters and zero-width combining marks line up with what the terminal draws,
/// and no cluster is ever cut in half (half a cluster is a different, or broken, character).
/// The one exception is a ZWJ sequence wider than a line, which terminals draw as separate
/// emoji anyway: it may break after a joiner.
public enum TextWrapper {
  /// Greedy word wrap of one paragraph to `width` display columns. Splits on spaces
  /// (runs of spaces are one break; leading/trailing spaces dropped); a word wider than
  /// the width is broken at grapheme boundaries, never inside a cluster; CJK text with
  /// no spaces may break between any two clusters. Returns at least one line ("" for
  /// empty input). width < 1 is treated as 1; a cluster wider than width goes alone,
  /// except a ZWJ sequence, which may break after any of its joiners: a terminal draws
  /// the emoji it joins side by side (see `DisplayWidth.terminalForm`), so 👨‍👩‍👧‍👦 takes
  /// eight columns, more than a narrow line has.
  ///
  /// Greedy (rather than balanced) wrapping because a reader re-wraps on every resize and
  /// greedy is linear and predictable. A word too wide for the width starts on a fresh line
  /// so its beginning stays readable (long words are mostly URLs). Between wide clusters no
  /// space is needed to break, as Chinese and Japanese are written without spaces; the
  /// break is held back before closing punctuation and after opening brackets so a line
  /// never begins with "。" or ends with "「".
  public static func wrap(_ text: String, width: Int) -> [String] {
    wrap(text, width: width, from: text.startIndex, maxLines: .max).lines
  }

  /// Part of `wrap(_:width:)`: the lines from `start` (where a line of it begins) until
  /// at least `maxLines` are made, and where the next line begins, or nil at the end.
  /// Wrapping on from there gives the lines wrapping the whole text would: a reader can
  /// lay out a long article a few screens at a time.
  public static func wrap(
    _ text: String, width: Int, from start: String.Index, maxLines: Int
  ) -> (lines: [String], rest: String.Index?) {
    let limit = max(1, width)
    var lines: [String] = []
    var line = OpenLine(paragraph: text)
    var rest: String.Index?
    forEachChunk(of: text, from: start) { chunk in
      let gap = line.isEmpty || chunk.joinsPrevious ? 0 : 1
      if line.width + gap + chunk.width <= limit {
        line.append(chunk, spaced: gap == 1)
        return true
      }
      if !line.isEmpty {
        lines.append(line.take())
        // A chunk that starts a line is where the next call can take up.
        if lines.count >= maxLines {
          rest = chunk.text.startIndex
          return false
        }
      }
      if chunk.width <= limit {
        line.append(chunk, spaced: false)
        return true
      }
      // Too wide for any line: break between clusters, and after a joiner inside a ZWJ
      // sequence wider than the line. The last piece stays open so the next word can
      // follow it on the same line. A zero-width cluster never starts a line,
      // even after a lone cluster that overflows it: it belongs with what it follows.
      func place(_ character: Character) {
        let columns = DisplayWidth.of(character)
        if columns > 0 && line.width + columns > limit && !line.isEmpty {
          lines.append(line.take())
        }
        line.append(character, columns: columns)
      }
      for character in chunk.text {
        if DisplayWidth.of(character) > limit {
          joinedParts(of: character).forEach(place)
        } else {
          place(character)
        }
      }
      return true
    }
    if rest == nil, !line.isEmpty || lines.isEmpty {
      lines.append(line.take())
    }
    return (lines, rest)
  }

  /// The line `wrap` is filling. While its chunks stand in it as they stand in the
  /// paragraph (one space apart, or none), it is a range of the paragraph, copied once
  /// when the line is done: most lines of an article are, and appending word by word
  /// cost more than finding the words.
  private struct OpenLine {
    let paragraph: String
    private var range: Range<String.Index>?
    private var built = ""
    private(set) var width = 0

    init(paragraph: String) { self.paragraph = paragraph }

    var isEmpty: Bool { range == nil && built.isEmpty }

    mutating func append(_ chunk: Chunk, spaced: Bool) {
      defer { width += chunk.width + (spaced ? 1 : 0) }
      let text = chunk.text
      if isEmpty {
        range = text.startIndex..<text.endIndex
        return
      }
      if let open = range {
        let utf8 = paragraph.utf8
        let follows =
          spaced
          ? utf8[open.upperBound] == 0x20 && utf8.index(after: open.upperBound) == text.startIndex
          : open.upperBound == text.startIndex
        if follows {
          range = open.lowerBound..<text.endIndex
          return
        }
        materialize()
      }
      if spaced { built.append(" ") }
      built += text
    }

    mutating func append(_ character: Character, columns: Int) {
      materialize()
      built.append(character)
      width += columns
    }

    /// The line's text; the line is empty after.
    mutating func take() -> String {
      materialize()
      defer { (built, width) = ("", 0) }
      return built
    }

    private mutating func materialize() {
      guard let open = range else { return }
      built = String(paragraph[open])
      range = nil
    }
  }

  /// Cuts text to fit `width` columns, ending with "…" when anything was cut (the
  /// ellipsis counts 1 column). Never splits a cluster. Returns text unchanged if it fits.
  ///
  /// One pass with an early exit, so truncating a long paragraph to a short status line
  /// costs only the columns that are kept. A wide cluster that would overrun the space
  /// before the ellipsis is dropped whole, so the result can be one column short; `pad`
  /// fills that column when an exact width matters.
  public static func truncate(_ text: String, width: Int) -> String {
    guard width > 0 else { return "" }
    let budget = width - 1
    var used = 0
    var cut = text.startIndex
    var index = text.startIndex
    while index < text.endIndex {
      used += DisplayWidth.of(text[index])
      if used > width {
        return String(text[..<cut]) + "…"
      }
      index = text.index(after: index)
      if used <= budget {
        cut = index
      }
    }
    return text
  }

  /// Pads with spaces on the right to exactly `width` columns (truncating first if wider).
  ///
  /// Table cells and status bars need exact widths; truncation alone can come up one column
  /// short when a wide cluster straddles the limit.
  public static func pad(_ text: String, width: Int) -> String {
    guard width > 0 else { return "" }
    let fitted = truncate(text, width: width)
    let shortfall = width - DisplayWidth.of(fitted)
    guard shortfall > 0 else { return fitted }
    return fitted + String(repeating: " ", count: shortfall)
  }

  /// A run of clusters that `wrap` keeps together unless it is wider than a whole line.
  struct Chunk {
    /// The clusters, sliced from the paragraph so no copy is made until a line is built.
    let text: Substring
    /// Display columns of `text`.
    let width: Int
    /// True when no space came before the chunk (a break between CJK clusters), so the
    /// line goes on without a space.
    let joinsPrevious: Bool
  }

  /// Splits a paragraph at spaces and at the places CJK text may break without one.
  ///
  /// Goes byte by byte through ASCII: a printable ASCII byte followed by another ASCII
  /// byte is a cluster of its own, one column wide, and a line never breaks between two
  /// of them. Other bytes, and an ASCII byte followed by one that is not (it may carry a
  /// combining mark), are read as `Character`s. Wrapping a long article is the dearest
  /// step of opening it, and segmenting every cluster made it ten times dearer.
  static func chunks(of text: String) -> [Chunk] {
    var chunks: [Chunk] = []
    forEachChunk(of: text, from: text.startIndex) {
      chunks.append($0)
      return true
    }
    return chunks
  }

  /// `chunks(of:)` one at a time from `begin` (a cluster boundary), without an array of
  /// them, until `body` returns false.
  static func forEachChunk(
    of text: String, from begin: String.Index, _ body: (Chunk) -> Bool
  ) {
    var stopped = false
    var start: String.Index?
    var width = 0
    var joinsPrevious = false
    // Where the last cluster that is not a space starts, and its columns.
    var previous = text.startIndex
    var previousWidth = 0
    let utf8 = text.utf8
    var index = begin
    func close(at end: String.Index) {
      if let open = start {
        stopped = !body(Chunk(text: text[open..<end], width: width, joinsPrevious: joinsPrevious))
        start = nil
      }
    }
    func add(_ character: Character, columns: Int, at position: String.Index) {
      if start == nil {
        start = position
        width = 0
        joinsPrevious = false
      } else if canBreak(after: text[previous], previousWidth, before: character, columns) {
        close(at: position)
        start = position
        width = 0
        joinsPrevious = true
      }
      width += columns
      previous = position
      previousWidth = columns
    }
    while index < text.endIndex, !stopped {
      let byte = utf8[index]
      let after = utf8.index(after: index)
      // CR is left to the `Character` path: with an LF after it, it is one cluster.
      if byte < 0x80, byte != 0x0D, after == text.endIndex || utf8[after] < 0x80 {
        if byte == 0x20 || byte &- 0x09 < 4 {
          close(at: index)
        } else {
          let columns = DisplayWidth.asciiColumns(byte)
          // Two narrow clusters never break: only the first of a chunk needs a look.
          if start == nil || previousWidth >= 2 {
            add(Character(Unicode.Scalar(byte)), columns: columns, at: index)
          } else {
            width += columns
            previous = index
            previousWidth = columns
          }
        }
        index = after
        continue
      }
      let character = text[index]
      if isBreakingSpace(character) {
        close(at: index)
      } else {
        add(character, columns: DisplayWidth.of(character), at: index)
      }
      index = text.index(after: index)
    }
    if !stopped { close(at: text.endIndex) }
  }

  /// The pieces of a cluster that a line may end between: each emoji of a ZWJ sequence
  /// with the joiner after it (so no scalar is lost), or the whole cluster when it has
  /// no joiner.
  static func joinedParts(of character: Character) -> [Character] {
    var parts: [Character] = []
    var part = String.UnicodeScalarView()
    for scalar in character.unicodeScalars {
      part.append(scalar)
      if scalar == "\u{200D}" {
        parts += String(part)
        part = String.UnicodeScalarView()
      }
    }
    parts += String(part)
    return parts
  }

  /// Spaces, tabs and line breaks separate words. No-break spaces do not, since authors
  /// put them where a break would read badly ("10 km", "M. Dupont"); a space carrying a
  /// combining mark is a visible character, not a separator.
  static func isBreakingSpace(_ character: Character) -> Bool {
    character.unicodeScalars.allSatisfy { scalar in
      scalar.properties.isWhitespace && !noBreakSpaces.contains(scalar.value)
    }
  }

  /// Whether a line may end between two clusters with no space between them: only next to a
  /// wide cluster, and not where it would strand punctuation at the start or end of a line.
  /// Never before a zero-width cluster, which belongs with the text it follows.
  static func canBreak(
    after previous: Character, _ previousWidth: Int, before next: Character, _ nextWidth: Int
  ) -> Bool {
    guard previousWidth >= 2 || nextWidth >= 2, nextWidth > 0 else { return false }
    return !noBreakBefore.contains(next) && !noBreakAfter.contains(previous)
  }

  /// NO-BREAK SPACE, FIGURE SPACE, NARROW NO-BREAK SPACE.
  static let noBreakSpaces: Set<UInt32> = [0xA0, 0x2007, 0x202F]

  /// Closing brackets and sentence punctuation, which must not begin a line.
  static let noBreakBefore: Set<Character> = [
    "、", "。", "，", "．", "：", "；", "？", "！", "）", "］", "｝", "」", "』", "】", "〕",
    "〉", "》", "〙", "〗", "〟", "・", "｡", "､", ",", ".", ":", ";", "?", "!", ")", "]",
    "}",
  ]

  /// Opening brackets, which must not end a line.
  static let noBreakAfter: Set<Character> = [
    "（", "［", "｛", "「", "『", "【", "〔", "〈", "《", "〘", "〖", "〝", "(", "[", "{",
  ]
}
