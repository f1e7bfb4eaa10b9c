import Testing

@testable import MarqueeCore

/// The term table's byte order, which an index segment's binary searches and prefix
/// ranges rely on, is plain lexicographic order of the terms' bytes, also where terms
/// share their first eight bytes or one begins another.
@Suite("Term table")
struct TermTableTests {
  @Test("sortedIDs lists the terms in byte order")
  func sortedIDsIsByteOrder() {
    var generator = SeededGenerator(seed: 7)
    let alphabet = Array("abz09é".utf8)
    var terms: Set<[UInt8]> = [
      Array("premiere".utf8), Array("premieres".utf8), Array("premiered".utf8),
      Array("premier".utf8), Array("p".utf8), Array("pz".utf8), Array("premierf".utf8),
      Array("premiereaaaaaaaaaa".utf8), Array("premiereaaaaaaaaab".utf8), [0xC3, 0xA9],
    ]
    while terms.count < 2_000 {
      let length = Int(generator.next() % 14) + 1
      terms.insert((0..<length).map { _ in alphabet[Int(generator.next() % 6)] })
    }
    var table = TermTable()
    let inserted = Array(terms)
    for term in inserted {
      _ = term.withUnsafeBufferPointer { table.id(of: $0) }
    }
    let sorted = table.sortedIDs().map { inserted[Int($0)] }
    let expected = inserted.sorted { $0.lexicographicallyPrecedes($1) }
    #expect(sorted.count == expected.count)
    let firstWrong = sorted.indices.first { sorted[$0] != expected[$0] }
    #expect(firstWrong == nil, "first out of order at rank \(firstWrong ?? -1)")
  }

  @Test("each distinct term gets one id, whatever its length or shared beginning")
  func idsAreStable() {
    var table = TermTable(capacity: 4)
    // Every length from 1 to 24, terms that differ only in one byte at each offset
    // (inside and past the first eight), and terms that begin one another.
    var words: [[UInt8]] = (0..<500).map { Array("word\($0)".utf8) }
    for length in 1...24 {
      let base = [UInt8](repeating: UInt8(ascii: "q"), count: length)
      words.append(base)
      for offset in 0..<length {
        var changed = base
        changed[offset] = UInt8(ascii: "r")
        words.append(changed)
      }
    }
    let first = words.map { word in word.withUnsafeBufferPointer { table.id(of: $0) } }
    let again = words.map { word in word.withUnsafeBufferPointer { table.id(of: $0) } }
    #expect(first == Array(0..<UInt32(words.count)))
    #expect(again == first)
    #expect(table.count == words.count)
    let stored = words.indices.map { id in
      Array(table.bytes[Int(table.starts[id])..<Int(table.starts[id + 1])])
    }
    #expect(stored == words)
  }

  @Test("the radix sort orders numbers of every width and keeps each id with its number")
  func radixSortOrdersAndCarries() {
    var random = SeededGenerator(seed: 11)
    for count in [0, 1, 2, 7, 300, 5_000] {
      // Numbers that differ in one byte only, in all bytes, and repeats.
      var keys = (0..<count).map { index -> UInt64 in
        switch index % 3 {
        case 0: random.next()
        case 1: UInt64(random.next() % 256) << (8 * (random.next() % 8))
        default: random.next() % 4
        }
      }
      let original = keys
      var ids = (0..<UInt32(count)).map { $0 }
      TermTable.radixSort(&keys, carrying: &ids)
      #expect(keys == original.sorted())
      #expect(ids.map { original[Int($0)] } == keys)
      #expect(Set(ids).count == count)
    }
  }
}
