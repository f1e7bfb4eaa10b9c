import Foundation
import Testing

@testable import MarqueeCore

/// The index is to keep its postings as variable-length gaps (`VarInt`). These tests pin
/// the encoding at its boundaries (one byte to two at 128, two to three at 16,384, …).
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
}
