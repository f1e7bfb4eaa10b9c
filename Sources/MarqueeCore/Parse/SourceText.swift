import Foundation

/// One line of the source after clean-up, remembering whether it was indented (which
/// starts a new paragraph in hard-wrapped text).
///
/// A block of a million one-letter lines holds them all at once, so a line is kept to a
/// string and a few bytes (24 in all).
struct SourceLine {
  let text: String
  /// The line number in 32 bits: a file has at most `LoadOptions.largestMaxFileSize`
  /// lines.
  private let storedNumber: Int32
  let indented: Bool
  /// Whether the story filter found by `CreditGrammar.wholeLine` that the line is no
  /// credit: the layout asks again of every line, and the answer is among the dearer
  /// ones. (The few credit lines it found, it keeps itself: their strings would make
  /// every line twice the size.)
  var isKnownNoCredit = false

  /// 1-based, as `grep -n` counts; for `--explain` and the tests.
  var number: Int { Int(storedNumber) }

  init(text: String, indented: Bool, number: Int) {
    self.text = text
    self.indented = indented
    storedNumber = Int32(clamping: number)
  }
}

/// A run of non-blank lines.
struct SourceBlock {
  var lines: [SourceLine]
  /// Whether a slide counter (`3 of 12`) stood just before it: the block is one slide,
  /// one image.
  var startsSlide = false

  /// Removes and returns the first line.
  mutating func takeFirstLine() -> SourceLine {
    lines.removeFirst()
  }

  /// Splits text into blocks; a line that is empty after clean-up is blank.
  static func split(_ text: String, trace: LayoutTrace? = nil) -> [SourceBlock] {
    var blocks: [SourceBlock] = []
    split(text, trace: trace) { blocks.append($0) }
    return blocks
  }

  /// Splits text into blocks and hands each to `take` as soon as it ends (the block is
  /// the only holder of its lines, so `take` may change them in place). The parse reads
  /// a page this way, block by block, so that its lines are not all held at once.
  ///
  /// Works on the UTF-8 bytes, with the same lines as splitting the `Character`s at
  /// `"\n"`: only a CR LF pair, which is a single `Character`, does not end a line there.
  static func split(
    _ text: String, trace: LayoutTrace? = nil, _ take: (inout SourceBlock) -> Void
  ) {
    ValidUTF8.withBytes(of: text) { bytes in
      var current: [SourceLine] = []
      var blockCount = 0
      var lineStart = 0
      var number = 0
      while lineStart <= bytes.count {
        number += 1
        let end = endOfLine(in: bytes, from: lineStart)
        let raw = UnsafeBufferPointer(rebasing: bytes[lineStart..<end])
        let cleaned = cleanLine(raw, of: text, at: lineStart)
        lineStart = end + 1
        if cleaned.isEmpty {
          if !current.isEmpty {
            var block = SourceBlock(lines: current)
            current = []
            take(&block)
            blockCount += 1
          }
        } else {
          trace?.add(line: number, block: blockCount, text: cleaned)
          // An image block takes three lines or four (label, marker, credit, caption):
          // room for them at its second line, not grown line by line. (A one-line block
          // keeps room for one: a page of a million of them must not take four times it.)
          // A long block has its lines counted once, so that it takes room for them and
          // no more (grown by doubling, a block of a million one-letter lines took three
          // times its lines' size while it moved).
          if current.count == 1 {
            current.reserveCapacity(4)
          } else if current.count == longBlock {
            current.reserveCapacity(longBlock + 1 + linesLeft(in: bytes, of: text, from: lineStart))
          }
          current.append(SourceLine(text: cleaned, indented: startsIndented(raw), number: number))
        }
      }
      if !current.isEmpty {
        var block = SourceBlock(lines: current)
        current = []
        take(&block)
      }
    }
  }

  /// A block's lines past this many are counted before they are read.
  private static let longBlock = 256

  /// The line at `start` of the text, cleaned up. A short line is made from its bytes
  /// again (checking a few bytes costs less than finding a slice of the text); a long
  /// one is sliced, not checked twice.
  private static func cleanLine(
    _ raw: UnsafeBufferPointer<UInt8>, of text: String, at start: Int
  ) -> String {
    if raw.isEmpty { return "" }
    return raw.count <= shortLine && TextCleaning.isAlreadyClean(raw)
      ? String(decoding: raw, as: UTF8.self)
      : TextCleaning.clean(slice(of: text, utf8Offsets: start..<start + raw.count))
  }

  /// How many lines from `start` on are not blank after clean-up, up to the first that
  /// is: the rest of the block.
  private static func linesLeft(
    in bytes: UnsafeBufferPointer<UInt8>, of text: String, from start: Int
  ) -> Int {
    var count = 0
    var lineStart = start
    while lineStart <= bytes.count {
      let end = endOfLine(in: bytes, from: lineStart)
      let raw = UnsafeBufferPointer(rebasing: bytes[lineStart..<end])
      let blank =
        raw.isEmpty
        || !TextCleaning.isAlreadyClean(raw) && cleanLine(raw, of: text, at: lineStart).isEmpty
      if blank { break }
      count += 1
      lineStart = end + 1
    }
    return count
  }

  /// Lines up to this many bytes are made from their bytes rather than sliced.
  private static let shortLine = 48

  /// Part of the text by UTF-8 offsets on scalar boundaries. Slicing the text, rather than
  /// decoding the bytes again, copies the line without validating it a second time.
  private static func slice(of text: String, utf8Offsets range: Range<Int>) -> Substring {
    let utf8 = text.utf8
    let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
    return Substring(utf8[start..<utf8.index(start, offsetBy: range.count)])
  }

  /// The index of the LF that ends the line starting at `start`, or the end of the text.
  /// An LF right after a CR does not count: CR LF is a single `Character`.
  private static func endOfLine(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var end = start
    while let newline = ByteSearch.firstIndex(of: 0x0A, in: bytes, from: end) {
      if newline == 0 || bytes[newline - 1] != 0x0D { return newline }
      end = newline + 1
    }
    return bytes.count
  }

  /// Whether the line's first `Character` is a space or a tab. A tab always stands alone;
  /// a space does unless a combining mark (never ASCII) follows it.
  private static func startsIndented(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = raw.first, first == 0x20 || first == 0x09 else { return false }
    if first == 0x09 || raw.count == 1 || raw[1] < 0x80 { return true }
    return String(decoding: raw, as: UTF8.self).first == " "
  }
}

/// Hard-wrapped lines back into paragraphs.
enum Paragraphs {
  /// A paragraph's text and which of the lines it was joined from.
  struct Paragraph {
    let text: String
    let lines: Range<Int>
  }

  /// Lines join with single spaces, as hard-wrapped text needs. A new paragraph starts
  /// at an indented line, at a list item (`- `, `• `, `* `), at and after a quoted reply
  /// line (`> `), and after a line too long to have been wrapped (scraped pages put one
  /// paragraph on each line, with no blank line between).
  ///
  /// Each paragraph goes to `body` as it is found: most blocks are one line, one
  /// paragraph, and an array of them per block cost an allocation each.
  static func join(_ lines: [SourceLine], _ body: (Paragraph) -> Void) {
    var start = 0
    func flush(at index: Int) {
      if index > start {
        // Scraped pages put most paragraphs on one line: that line's string is shared.
        let text = index - start == 1 ? lines[start].text : joined(lines[start..<index])
        body(Paragraph(text: text, lines: start..<index))
      }
      start = index
    }
    var previousEndsParagraph = false
    for (index, line) in lines.enumerated() {
      let quoted = line.text.utf8.first == UInt8(ascii: ">")
      if line.indented || isListItem(line.text) || quoted || previousEndsParagraph {
        flush(at: index)
      }
      previousEndsParagraph = quoted || line.text.utf8.count > longestWrappedLine
    }
    flush(at: lines.count)
  }

  /// The lines' text with a space between each two, made in one allocation (a block of a
  /// million one-letter lines must not take an array of their strings on the way).
  private static func joined(_ lines: ArraySlice<SourceLine>) -> String {
    let count = lines.reduce(lines.count - 1) { $0 + $1.text.utf8.count }
    return String(unsafeUninitializedCapacity: count) { text in
      var offset = 0
      for line in lines {
        if offset > 0 {
          text[offset] = 0x20
          offset += 1
        }
        ValidUTF8.withBytes(of: line.text) { bytes in
          guard let source = bytes.baseAddress else { return }
          (text.baseAddress! + offset).update(from: source, count: bytes.count)
          offset += bytes.count
        }
      }
      return offset
    }
  }

  /// Hard-wrapped text (mail, wires) keeps lines under about 80 columns; a longer line
  /// is a paragraph of its own.
  static let longestWrappedLine = 140

  static func isListItem(_ text: String) -> Bool {
    // Every line is asked: its first byte rules out nearly all.
    guard let first = text.utf8.first, first == 0x2D || first == 0x2A || first == 0xE2 else {
      return false
    }
    let line = Substring(text)
    return CharacterAffix.hasPrefix(line, "- ") || CharacterAffix.hasPrefix(line, "* ")
      || CharacterAffix.hasPrefix(line, "• ")
  }
}
