/// The lines of a block. Most blocks are one line (a scraped page puts a paragraph on a
/// line, with blank lines between): such a block holds its line in place, where an array
/// of one cost an allocation per block (and, on a page of a million one-letter
/// paragraphs, eighty bytes each).
struct SourceLines: RandomAccessCollection, MutableCollection {
  private enum Storage {
    case one(SourceLine)
    case many([SourceLine])
  }

  private var storage: Storage

  init(_ lines: [SourceLine]) {
    storage = lines.count == 1 ? .one(lines[0]) : .many(lines)
  }

  init<Lines: Sequence<SourceLine>>(_ lines: Lines) {
    self.init(Array(lines))
  }

  var startIndex: Int { 0 }

  var endIndex: Int {
    switch storage {
    case .one: 1
    case .many(let lines): lines.count
    }
  }

  subscript(position: Int) -> SourceLine {
    get {
      switch storage {
      case .one(let line):
        precondition(position == 0, "line \(position) of a block of one")
        return line
      case .many(let lines): return lines[position]
      }
    }
    set {
      switch storage {
      case .one:
        precondition(position == 0, "line \(position) of a block of one")
        storage = .one(newValue)
      case .many(var lines):
        // Let go of the stored array first, so that the change is made in place.
        storage = .many([])
        lines[position] = newValue
        storage = .many(lines)
      }
    }
  }

  /// Where the lines of a block of several are stored (nil for a block of one), for
  /// tests that check they are shared rather than copied.
  var storageAddress: UnsafeRawPointer? {
    guard case .many(let lines) = storage else { return nil }
    return lines.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
  }

  /// Removes and returns the first line.
  mutating func removeFirst() -> SourceLine {
    switch storage {
    case .one(let line):
      storage = .many([])
      return line
    case .many(var lines):
      storage = .many([])
      let first = lines.removeFirst()
      self = SourceLines(lines)
      return first
    }
  }
}
