/// How a segment's postings are laid out in its two byte streams, and the code that
/// writes (`PostingEncoder`) and reads (`EntryCursor`, `PositionCursor`) them.
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

/// One term's progress while a segment's postings are sized or written.
struct PostingState {
  /// The key of the entry in progress (`.max`: none yet) and of the last one closed,
  /// which the next entry's gap is taken from.
  var key: UInt16 = .max
  var previousKey: UInt16 = 0
  var frequency: UInt32 = 0
  var lastPosition: UInt32 = 0
  /// Bytes so far while sizing; where the next byte goes while writing.
  var entryOffset: UInt32 = 0
  var positionOffset: UInt32 = 0
}

/// Where `PostingEncoder` puts its numbers: nowhere, only counting bytes
/// (`VarIntCounter`), or into a stream (`VarIntWriter`). Sizing and writing thus run
/// the same encoder, so the sizes always agree with the bytes.
protocol VarIntOutput {
  func put(_ value: UInt32, at offset: inout UInt32)
}

struct VarIntCounter: VarIntOutput {
  @inline(__always)
  func put(_ value: UInt32, at offset: inout UInt32) {
    offset += VarInt.size(value)
  }
}

struct VarIntWriter: VarIntOutput {
  let base: UnsafeMutablePointer<UInt8>

  @inline(__always)
  func put(_ value: UInt32, at offset: inout UInt32) {
    var pointer = base + Int(offset)
    VarInt.write(value, to: &pointer)
    offset = UInt32(pointer - base)
  }
}

/// Encodes tokens, given term by term in (key, position) order, into each term's
/// entries and positions.
struct PostingEncoder<Output: VarIntOutput> {
  let entries: Output
  let positions: Output

  @inline(__always)
  func add(key: UInt16, position: UInt32, to state: inout PostingState) {
    if state.key != key {
      close(&state)
      state.key = key
      state.lastPosition = 0
    }
    positions.put(position &- state.lastPosition, at: &state.positionOffset)
    state.lastPosition = position
    state.frequency += 1
  }

  /// Writes the entry in progress, if any: its frequency is known only now.
  @inline(__always)
  func close(_ state: inout PostingState) {
    guard state.key != .max else { return }
    let repeated: UInt32 = state.frequency > 1 ? 1 : 0
    entries.put(UInt32(state.key &- state.previousKey) << 1 | repeated, at: &state.entryOffset)
    if repeated != 0 { entries.put(state.frequency, at: &state.entryOffset) }
    state.previousKey = state.key
    state.key = .max
    state.frequency = 0
  }
}

/// Where each term's bytes start, from the sizes a counting pass left in `sizes`
/// (indexed by first-seen id), with terms laid out in byte order (`order`).
struct PostingLayout {
  /// Per rank, then the total: offsets into the entry and position streams.
  var entryStarts: [UInt32] = [0]
  var positionStarts: [UInt32] = [0]
  /// Fresh states, by first-seen id, that write each term at its place.
  var writeStates: [PostingState]

  init(sizes: [PostingState], order: [UInt32]) {
    writeStates = sizes
    entryStarts.reserveCapacity(order.count + 1)
    positionStarts.reserveCapacity(order.count + 1)
    var entryTotal = 0
    var positionTotal = 0
    for id in order {
      let size = sizes[Int(id)]
      writeStates[Int(id)] = PostingState(
        entryOffset: UInt32(entryTotal), positionOffset: UInt32(positionTotal))
      entryTotal += Int(size.entryOffset)
      positionTotal += Int(size.positionOffset)
      precondition(
        entryTotal <= UInt32.max && positionTotal <= UInt32.max, "segment too large")
      entryStarts.append(UInt32(entryTotal))
      positionStarts.append(UInt32(positionTotal))
    }
  }

  var entryBytes: Int { Int(entryStarts.last!) }
  var positionBytes: Int { Int(positionStarts.last!) }
}

/// What feeds a segment's postings to `PostingEncoder`: every token, term by term in
/// (key, position) order, then a `close` of every term. `states` is indexed by the
/// source's own term ids.
protocol PostingSource {
  func encode<Output: VarIntOutput>(
    _ encoder: PostingEncoder<Output>, _ states: inout [PostingState])
  var termCount: Int { get }
}

/// A segment's two posting streams and where each term's bytes start in them, encoded
/// from a source in two passes: one sizes each term's bytes, the other writes them in
/// place, every byte but the zero padding after the last value, which lets readers load
/// a few bytes past it (and keeps a stream from being empty).
struct EncodedPostings {
  let entries: FlatArray<UInt8>
  let positions: FlatArray<UInt8>
  let entryStarts: FlatArray<UInt32>
  let positionStarts: FlatArray<UInt32>

  /// `order` lists the source's term ids in the order their bytes are laid out.
  init<Source: PostingSource>(_ source: Source, order: [UInt32]) {
    var states = [PostingState](repeating: PostingState(), count: source.termCount)
    source.encode(PostingEncoder(entries: VarIntCounter(), positions: VarIntCounter()), &states)
    let layout = PostingLayout(sizes: states, order: order)
    states = layout.writeStates
    func stream(_ bytes: Int, _ write: (UnsafeMutablePointer<UInt8>) -> Void) -> FlatArray<UInt8> {
      FlatArray(count: bytes + VarInt.readPadding) { stream in
        (stream.baseAddress! + bytes).initialize(repeating: 0, count: VarInt.readPadding)
        write(stream.baseAddress!)
      }
    }
    var entries = FlatArray<UInt8>([])
    positions = stream(layout.positionBytes) { positions in
      entries = stream(layout.entryBytes) { entries in
        let encoder = PostingEncoder(
          entries: VarIntWriter(base: entries), positions: VarIntWriter(base: positions))
        source.encode(encoder, &states)
      }
    }
    assert(
      order.indices.allSatisfy { rank in
        let state = states[Int(order[rank])]
        return state.entryOffset == layout.entryStarts[rank + 1]
          && state.positionOffset == layout.positionStarts[rank + 1]
      }, "the writing pass must fill exactly what the sizing pass counted")
    self.entries = entries
    entryStarts = FlatArray(layout.entryStarts)
    positionStarts = FlatArray(layout.positionStarts)
  }
}

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
