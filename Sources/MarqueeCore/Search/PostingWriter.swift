/// Writes a segment's postings in the layout `Postings.swift` describes, a term at a
/// time, front to back.

/// What feeds a segment's postings to `EncodedPostings`: its terms in the order their
/// bytes are laid out (by rank), each term's tokens in (key, position) order.
protocol PostingSource {
  var termCount: Int { get }
  /// At least as many tokens as the term at `rank` has: what its bytes can take is
  /// made room for before it is written.
  func tokenBound(ofRank rank: Int) -> Int
  /// Calls `add` with every token of the term at `rank`, in (key, position) order.
  func forEachToken(ofRank rank: Int, _ add: (_ key: UInt16, _ position: UInt32) -> Void)
}

/// A segment's two posting streams and where each term's bytes start in them, every
/// byte but the zero padding after the last value, which lets readers load a few bytes
/// past it (and keeps a stream from being empty).
///
/// Terms are written in rank order, each after the one before, so one pass over the
/// tokens makes the streams and no term's size has to be counted first; the streams grow
/// as they fill and are copied once at their final size.
struct EncodedPostings {
  let entries: FlatArray<UInt8>
  let positions: FlatArray<UInt8>
  let entryStarts: FlatArray<UInt32>
  let positionStarts: FlatArray<UInt32>

  /// The most bytes one token can add to each stream: a position of up to five bytes,
  /// and an entry of its own, a key gap of up to three bytes and a frequency of five.
  private static let positionBytesPerToken = 5
  private static let entryBytesPerToken = 8

  init<Source: PostingSource>(_ source: Source) {
    var entries = GrowingStream()
    var positions = GrowingStream()
    var entryStarts: [UInt32] = [0]
    var positionStarts: [UInt32] = [0]
    entryStarts.reserveCapacity(source.termCount + 1)
    positionStarts.reserveCapacity(source.termCount + 1)
    for rank in 0..<source.termCount {
      let bound = source.tokenBound(ofRank: rank)
      entries.makeRoom(for: bound * Self.entryBytesPerToken)
      positions.makeRoom(for: bound * Self.positionBytesPerToken)
      var term = TermWriter(entries: entries.end, positions: positions.end)
      source.forEachToken(ofRank: rank) { key, position in term.add(key: key, position: position) }
      term.close()
      entries.advance(to: term.entries)
      positions.advance(to: term.positions)
      precondition(
        entries.count <= UInt32.max && positions.count <= UInt32.max, "segment too large")
      entryStarts.append(UInt32(entries.count))
      positionStarts.append(UInt32(positions.count))
    }
    self.entries = entries.padded()
    self.positions = positions.padded()
    self.entryStarts = FlatArray(entryStarts)
    self.positionStarts = FlatArray(positionStarts)
  }
}

/// One term's entries and positions written as its tokens come, in (key, position)
/// order.
struct TermWriter {
  /// Where the next byte of each stream goes.
  private(set) var entries: UnsafeMutablePointer<UInt8>
  private(set) var positions: UnsafeMutablePointer<UInt8>
  /// The key of the entry in progress (`.max`: none yet) and of the last one closed,
  /// which the next entry's gap is taken from.
  private var key: UInt16 = .max
  private var previousKey: UInt16 = 0
  private var frequency: UInt32 = 0
  private var lastPosition: UInt32 = 0

  init(entries: UnsafeMutablePointer<UInt8>, positions: UnsafeMutablePointer<UInt8>) {
    self.entries = entries
    self.positions = positions
  }

  @inline(__always)
  mutating func add(key: UInt16, position: UInt32) {
    if self.key != key {
      close()
      self.key = key
      lastPosition = 0
    }
    VarInt.write(position &- lastPosition, to: &positions)
    lastPosition = position
    frequency += 1
  }

  /// Writes the entry in progress, if any: its frequency is known only now.
  @inline(__always)
  mutating func close() {
    guard key != .max else { return }
    let repeated: UInt32 = frequency > 1 ? 1 : 0
    VarInt.write(UInt32(key &- previousKey) << 1 | repeated, to: &entries)
    if repeated != 0 { VarInt.write(frequency, to: &entries) }
    previousKey = key
    key = .max
    frequency = 0
  }
}

/// Bytes written front to back into memory that grows (doubling) when asked for room.
private struct GrowingStream: ~Copyable {
  private var base: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  private(set) var count = 0

  init() {
    capacity = 1 << 16
    base = .allocate(capacity: capacity)
  }

  deinit { base.deallocate() }

  var end: UnsafeMutablePointer<UInt8> { base + count }

  mutating func makeRoom(for bytes: Int) {
    guard count + bytes > capacity else { return }
    while count + bytes > capacity { capacity *= 2 }
    let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    larger.update(from: base, count: count)
    base.deallocate()
    base = larger
  }

  /// Moves the end to `pointer`, which bytes were written up to.
  mutating func advance(to pointer: UnsafeMutablePointer<UInt8>) {
    count = pointer - base
    assert(count <= capacity, "wrote past the room made")
  }

  /// The bytes at their final size, followed by `VarInt.readPadding` zeros.
  func padded() -> FlatArray<UInt8> {
    FlatArray(count: count + VarInt.readPadding) { stream in
      stream.baseAddress!.update(from: base, count: count)
      (stream.baseAddress! + count).initialize(repeating: 0, count: VarInt.readPadding)
    }
  }
}
