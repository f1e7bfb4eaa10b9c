/// How a segment's postings are laid out in its two byte streams, and the code that
/// writes (`EncodedPostings`, in PostingWriter.swift) and reads (`EntryCursor`, `PositionCursor`) them.
///
/// An entry's key is `localArticle << 3 | field`, below 2^15. A term's entries ascend
/// by key; each is one `VarInt` of `gap << 1 | (frequency > 1 ? 1 : 0)`, the gap taken
/// from the previous entry's key (the first from 0), followed by a `VarInt` frequency
/// only when that flag is set: most entries are one word once, so one byte. A term's
/// positions follow its entries' order, `frequency` of them per entry, ascending: the
/// first of an entry as is, the others as gaps from the one before, one `VarInt` each.
/// Fixed widths would cost three bytes an entry and two (or four) a position.
///
/// Positions carry no per-entry offset: a reader finds an entry's by skipping the
/// positions of the entries before it, which it has walked anyway.

/// Reads one term's entries in order. `key` and `frequency` describe the entry in hand,
/// the one the last successful `next()` read.
struct EntryCursor {
  private var pointer: UnsafePointer<UInt8>
  private let end: UnsafePointer<UInt8>
  private(set) var key: UInt32 = 0
  private(set) var frequency: UInt32 = 0

  init(_ bytes: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>) {
    pointer = bytes
    self.end = end
  }

  /// Where the next entry starts.
  var nextByte: UnsafePointer<UInt8> { pointer }

  /// Reads the next entry; false (leaving the entry in hand) when there is none.
  @inline(__always)
  mutating func next() -> Bool {
    next(after: key)
  }

  /// Reads the next entry, taking its key's gap from `previous`: 0 at a term's first
  /// entry, when reading several terms' streams as one.
  @inline(__always)
  mutating func next(after previous: UInt32) -> Bool {
    guard pointer < end else { return false }
    let head = VarInt.read(&pointer)
    key = previous &+ head >> 1
    // The byte after the head is read whether it is this entry's frequency or the
    // next entry's head, then kept or not without a branch: which of the two it is
    // follows no pattern a branch predictor could learn. Only frequencies of 128 and
    // more, which are rare, take a branch.
    let byte = UInt32(pointer.pointee)
    let repeated = head & 1
    if byte >> 7 & repeated != 0 {
      frequency = VarInt.read(&pointer)
    } else {
      frequency = byte &* repeated | (1 &- repeated)
      pointer += Int(repeated)
    }
    return true
  }
}

/// Reads one term's positions alongside an `EntryCursor` on the same term: the owner
/// calls `passed(_:)` with each entry's frequency as the entry cursor reads it, and
/// `enter(_:)` to read the positions of the entry in hand.
struct PositionCursor {
  private var pointer: UnsafePointer<UInt8>
  /// Positions between `pointer` and the end of the entry in hand.
  private var unread = 0
  /// The position the cursor is on, once `enter(_:)` has been called.
  private(set) var position: UInt32 = 0

  init(_ bytes: UnsafePointer<UInt8>) {
    pointer = bytes
  }

  /// The entry cursor has moved on to an entry with `frequency` positions.
  @inline(__always)
  mutating func passed(_ frequency: UInt32) {
    unread += Int(frequency)
  }

  /// Moves to the first position of the entry in hand, which has `frequency` of them.
  @inline(__always)
  mutating func enter(_ frequency: UInt32) {
    pointer = VarInt.skip(unread - Int(frequency), from: pointer)
    position = VarInt.read(&pointer)
    unread = Int(frequency) - 1
  }

  /// Moves to the entry in hand's first position not below `target`; false when it has
  /// none. Works on local copies: cursors live in memory, and going through it at each
  /// step would chain every read to a store.
  @inline(__always)
  mutating func advance(to target: UInt32) -> Bool {
    var position = self.position
    guard position < target else { return true }
    var pointer = self.pointer
    var unread = self.unread
    defer {
      self.position = position
      self.pointer = pointer
      self.unread = unread
    }
    while position < target {
      guard unread > 0 else { return false }
      position &+= VarInt.read(&pointer)
      unread -= 1
    }
    return true
  }
}

extension IndexSegment {
  /// Runs `body` with cursors on this segment's terms: they read the streams in place
  /// and must not outlive `body`.
  func withCursors<T>(_ body: (PostingStreams) -> T) -> T {
    entries.withUnsafeBufferPointer { entries in
      positions.withUnsafeBufferPointer { positions in
        body(
          PostingStreams(
            segment: self, entries: entries.baseAddress!, positions: positions.baseAddress!))
      }
    }
  }
}

/// A segment's two streams, pinned by `IndexSegment.withCursors`.
struct PostingStreams {
  let segment: IndexSegment
  let entries: UnsafePointer<UInt8>
  let positions: UnsafePointer<UInt8>

  func entries(of term: Int) -> EntryCursor {
    EntryCursor(
      entries + Int(segment.entryStarts[term]), end: entries + Int(segment.entryStarts[term + 1]))
  }

  /// Calls `body` with a cursor on each entry of the terms in `range`, term after term.
  /// Their streams are contiguous, so one loop reads them all, starting keys afresh at
  /// each term's first byte without a branch: a prefix's terms mostly have an entry or
  /// two, and a loop per term would mispredict its exit at every term.
  @inline(__always)
  func forEachEntry(ofTerms range: Range<Int>, _ body: (EntryCursor) -> Void) {
    let starts = segment.entryStarts
    var cursor = EntryCursor(
      entries + Int(starts[range.lowerBound]), end: entries + Int(starts[range.upperBound]))
    var term = range.lowerBound
    var boundary = entries + Int(starts[term + 1])
    while true {
      let restart = cursor.nextByte == boundary
      guard cursor.next(after: restart ? 0 : cursor.key) else { return }
      // An entry was read at `boundary`, so term + 1 has entries and term + 2 a start.
      term += restart ? 1 : 0
      boundary = entries + Int(starts[term + 1])
      body(cursor)
    }
  }

  func positions(of term: Int) -> PositionCursor {
    PositionCursor(positions + Int(segment.positionStarts[term]))
  }
}
