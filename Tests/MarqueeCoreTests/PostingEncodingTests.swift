import Foundation
import Testing

@testable import MarqueeCore

/// The index keeps its postings as variable-length gaps (`VarInt`, `Postings.swift`).
/// These tests pin the encoding at its boundaries (one byte to two at 128, two to three
/// at 16,384, …), and check that what a segment writes reads back as exactly the
/// entries and positions a plain scan of its articles gives.
@Suite("Posting encoding")
struct PostingEncodingTests {
  static let boundaries: [UInt32] = [
    0, 1, 127, 128, 255, 256, 16_383, 16_384, 32_767, 65_535, 65_536, 2_097_151, 2_097_152,
    268_435_455, 268_435_456, UInt32.max - 1, UInt32.max,
  ]

  /// Writes `values` into a buffer padded as the index pads its streams.
  static func encode(_ values: [UInt32]) -> [UInt8] {
    let size = values.reduce(0) { $0 + Int(VarInt.size($1)) }
    var bytes = [UInt8](repeating: 0xFF, count: size + VarInt.readPadding)
    bytes.withUnsafeMutableBufferPointer { buffer in
      var pointer = buffer.baseAddress!
      for value in values { VarInt.write(value, to: &pointer) }
      #expect(pointer - buffer.baseAddress! == size)
    }
    return bytes
  }

  @Test func varIntsRoundTripAtEveryLengthBoundary() {
    let expectedSizes: [UInt32] = [1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 5, 5, 5]
    #expect(Self.boundaries.map(VarInt.size) == expectedSizes)
    let bytes = Self.encode(Self.boundaries)
    #expect(Array(bytes.prefix(4)) == [0, 1, 0x7F, 0x80])
    bytes.withUnsafeBufferPointer { buffer in
      var pointer = buffer.baseAddress!
      for value in Self.boundaries {
        let start = pointer
        #expect(VarInt.read(&pointer) == value)
        #expect(pointer - start == Int(VarInt.size(value)))
      }
    }
  }

  @Test func skipLandsWhereReadingWould() {
    var generator = SeededGenerator(seed: 51)
    // Mostly one-byte values, so that eight bytes often hold eight values, with every
    // longer length mixed in.
    let values = (0..<600).map { _ in
      Bool.random(using: &generator)
        ? UInt32.random(in: 0..<128, using: &generator)
        : Self.boundaries.randomElement(using: &generator)!
    }
    let bytes = Self.encode(values)
    bytes.withUnsafeBufferPointer { buffer in
      var starts: [UnsafePointer<UInt8>] = []
      var pointer = buffer.baseAddress!
      for _ in values {
        starts.append(pointer)
        _ = VarInt.read(&pointer)
      }
      starts.append(pointer)
      for first in stride(from: 0, to: values.count, by: 7) {
        for count in 0...min(40, values.count - first) {
          #expect(VarInt.skip(count, from: starts[first]) == starts[first + count])
        }
      }
      #expect(VarInt.skip(values.count, from: starts[0]) == starts[values.count])
    }
  }

  /// One term's postings: (key, positions) per entry.
  typealias Postings = [(key: UInt32, positions: [UInt32])]

  /// Encodes one term's postings the way a segment does: a sizing pass, then writing.
  static func encodeTerm(_ postings: Postings) -> (entries: [UInt8], positions: [UInt8]) {
    func run<Output>(_ encoder: PostingEncoder<Output>, _ state: inout PostingState) {
      for (key, positions) in postings {
        for position in positions { encoder.add(key: UInt16(key), position: position, to: &state) }
      }
      encoder.close(&state)
    }
    var sizes = PostingState()
    run(PostingEncoder(entries: VarIntCounter(), positions: VarIntCounter()), &sizes)
    var entries = [UInt8](repeating: 0, count: Int(sizes.entryOffset) + VarInt.readPadding)
    var positions = [UInt8](repeating: 0, count: Int(sizes.positionOffset) + VarInt.readPadding)
    entries.withUnsafeMutableBufferPointer { entries in
      positions.withUnsafeMutableBufferPointer { positions in
        var state = PostingState()
        run(
          PostingEncoder(
            entries: VarIntWriter(base: entries.baseAddress!),
            positions: VarIntWriter(base: positions.baseAddress!)), &state)
        #expect(state.entryOffset == sizes.entryOffset)
        #expect(state.positionOffset == sizes.positionOffset)
      }
    }
    return (entries, positions)
  }

  /// Reads one term's postings back, entering every entry.
  static func decodeTerm(entries: [UInt8], positions: [UInt8], enterEvery: Int = 1) -> Postings {
    entries.withUnsafeBufferPointer { entries in
      positions.withUnsafeBufferPointer { positionBytes in
        var result: Postings = []
        let end = entries.baseAddress! + entries.count - VarInt.readPadding
        var cursor = EntryCursor(entries.baseAddress!, end: end)
        var reader = PositionCursor(positionBytes.baseAddress!)
        var index = 0
        while cursor.next() {
          reader.passed(cursor.frequency)
          defer { index += 1 }
          guard index % enterEvery == 0 else {
            result.append((cursor.key, []))
            continue
          }
          reader.enter(cursor.frequency)
          var found = [reader.position]
          while reader.advance(to: reader.position &+ 1) { found.append(reader.position) }
          #expect(found.count == Int(cursor.frequency))
          result.append((cursor.key, found))
        }
        return result
      }
    }
  }

  static func same(_ left: Postings, _ right: Postings) -> Bool {
    left.count == right.count
      && zip(left, right).allSatisfy { $0.key == $1.key && $0.positions == $1.positions }
  }

  @Test func entriesAndPositionsRoundTripAtTheirLimits() {
    // Key gaps of 0 (the first key), 1, 127, 128 and up to the largest key, 32,767;
    // frequencies of 1, 2, 254, 255, 256 and 70,000; positions past 65,535 and gaps at
    // every length boundary.
    let postings: Postings = [
      (0, [0]),
      (1, [5, 6]),
      (128, Array(0..<254)),
      (256, Array(0..<255)),
      (272, Array(stride(from: 3, to: 3 + 256 * 7, by: 7))),
      // Once only, then a head of three bytes: the byte read ahead is not a frequency.
      (300, [7]),
      (16_656, [127, 255, 16_638, 33_022, 65_535, 65_536, 2_162_688]),
      (16_657, Array(10..<70_010)),
      (32_767, [UInt32.max - 1]),
    ]
    let (entries, positions) = Self.encodeTerm(postings)
    #expect(Self.same(Self.decodeTerm(entries: entries, positions: positions), postings))
    // Entries whose positions are skipped rather than read must not shift the others.
    for every in 2...4 {
      let decoded = Self.decodeTerm(entries: entries, positions: positions, enterEvery: every)
      for (index, (key, found)) in decoded.enumerated() {
        #expect(key == postings[index].key)
        #expect(found == (index % every == 0 ? postings[index].positions : []))
      }
    }
  }

  @Test func aOnceOnlyEntryIsOneByte() {
    let (entries, positions) = Self.encodeTerm([(3, [9]), (7, [2])])
    #expect(Array(entries.prefix(2)) == [3 << 1, 4 << 1])
    #expect(Array(positions.prefix(2)) == [9, 2])
    let (repeated, _) = Self.encodeTerm([(3, [1, 2, 4])])
    #expect(Array(repeated.prefix(2)) == [3 << 1 | 1, 3])
  }

  @Test func aSegmentReadsBackAsAScanOfItsArticles() {
    let echo = String(repeating: "echo ", count: 70_000) + "final word"
    let articles =
      SegmentedIndexTests.corpus(count: 60, seed: 61)
      + [Article(path: "z.txt", title: "Echo", dek: "", body: [.paragraph(echo)], images: [])]
    let segment = IndexSegment(articles: articles[...], firstDocument: 0)
    // The expected postings: each token's (key, position), pieces `pieceGap` apart.
    var expected: [String: Postings] = [:]
    for (local, article) in articles.enumerated() {
      for field in SearchField.allCases {
        let key = UInt32(local) << IndexSegment.fieldBits | UInt32(field.rawValue)
        var position: UInt32 = 0
        IndexSegment.forEachPiece(of: article, in: field) { piece in
          for token in Tokenizer.tokens(String(decoding: piece, as: UTF8.self)) {
            if expected[token, default: []].last?.key == key {
              expected[token]![expected[token]!.count - 1].positions.append(position)
            } else {
              expected[token, default: []].append((key, [position]))
            }
            position += 1
          }
          position += IndexSegment.pieceGap
        }
      }
    }
    #expect(segment.termCount == expected.count)
    #expect(expected["echo"]!.last!.positions.count == 70_000)
    #expect(expected["word"]!.last!.positions == [70_001])
    for (token, postings) in expected {
      guard let term = segment.termID(Array(token.utf8)) else {
        Issue.record("\(token) is missing")
        continue
      }
      let entries =
        Array(segment.entries[Int(segment.entryStarts[term])..<Int(segment.entryStarts[term + 1])])
        + Array(repeating: 0, count: VarInt.readPadding)
      let positions =
        Array(
          segment.positions[
            Int(segment.positionStarts[term])..<Int(segment.positionStarts[term + 1])])
        + Array(repeating: 0, count: VarInt.readPadding)
      let decoded = Self.decodeTerm(entries: entries, positions: positions)
      #expect(Self.same(decoded, postings), "\(token)")
    }
  }
}
