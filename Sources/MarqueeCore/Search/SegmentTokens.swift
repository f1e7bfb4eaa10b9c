/// A segment's articles read once into term ids, kept just long enough to encode their
/// postings (`IndexSegment.init`).
///
/// Four bytes a token: each token's key and position are not stored but replayed from
/// the order tokens come in (article, field, piece) and the token count of each piece.
struct SegmentTokens {
  private(set) var table = TermTable()
  /// Each token's term, by first-seen id, in reading order.
  private var terms: [UInt32] = []
  /// Tokens in each piece of each field, in reading order, each field's pieces closed
  /// by `fieldEnd` (a field may have no pieces, or empty ones: both still count).
  private var pieces: [UInt32] = []
  /// Tokens per field per article: `lengths[localArticle * fieldCount + field]`.
  private(set) var lengths: [UInt32] = []

  private static let fieldEnd = UInt32.max

  init(_ articles: ArraySlice<Article>) {
    // Reserving about one token per five bytes of text avoids growing (and so briefly
    // doubling) the largest array of the build.
    let textBytes = articles.reduce(0) { $0 + $1.packedFields.pieceRange.count }
    terms.reserveCapacity(textBytes / 5)
    lengths.reserveCapacity(articles.count * IndexSegment.fieldCount)
    var scanner = TokenScanner()
    var scratch: [Int] = []
    for article in articles {
      var length: UInt32 = 0
      article.packedFields.forEachPiece(
        grouping: IndexSegment.fieldOfKind, groupCount: IndexSegment.fieldCount,
        scratch: &scratch
      ) { piece in
        var count: UInt32 = 0
        scanner.scan(bytes: piece) { bytes, _ in
          terms.append(table.id(of: bytes))
          count += 1
        }
        pieces.append(count)
        length += count
      } groupEnd: { _ in
        pieces.append(Self.fieldEnd)
        lengths.append(length)
        length = 0
      }
    }
  }

  var termCount: Int { table.count }

  /// Calls `body` with every token's first-seen term id, key (`localArticle << 3 |
  /// field`) and position, in reading order: each term's tokens come in (key, position)
  /// order.
  @inline(__always)
  func forEachToken(_ body: (_ term: UInt32, _ key: UInt16, _ position: UInt32) -> Void) {
    terms.withUnsafeBufferPointer { terms in
      var token = 0
      var piece = 0
      for local in 0..<lengths.count / IndexSegment.fieldCount {
        for field in 0..<IndexSegment.fieldCount {
          let key = UInt16(local << IndexSegment.fieldBits | field)
          var position: UInt32 = 0
          while pieces[piece] != Self.fieldEnd {
            for _ in 0..<pieces[piece] {
              body(terms[token], key, position)
              position &+= 1
              token += 1
            }
            position &+= IndexSegment.pieceGap
            piece += 1
          }
          piece += 1
        }
      }
    }
  }
}

/// A segment's tokens grouped by term (a counting sort of the reading order), so that
/// each term's tokens can be written together: term `t`'s keys and positions are
/// `keys[starts[t]..<starts[t + 1]]` and `positions[...]`, in (key, position) order, `t`
/// being its first-seen id.
struct TermGroups {
  let starts: [Int]
  let keys: [UInt16]
  let positions: [UInt32]

  /// `locals[i]`, when given, is where the `i`th article tokenized is in the segment
  /// the keys are for.
  init(_ tokens: SegmentTokens, locals: [Int]? = nil) {
    let locals = locals ?? Array(0..<tokens.lengths.count / IndexSegment.fieldCount)
    var starts = [Int](repeating: 0, count: tokens.termCount + 1)
    tokens.forEachToken { term, _, _ in starts[Int(term) + 1] += 1 }
    for term in 0..<tokens.termCount { starts[term + 1] += starts[term] }
    var next = starts
    var keys = [UInt16](repeating: 0, count: starts[tokens.termCount])
    var positions = [UInt32](repeating: 0, count: starts[tokens.termCount])
    next.withUnsafeMutableBufferPointer { next in
      keys.withUnsafeMutableBufferPointer { keys in
        positions.withUnsafeMutableBufferPointer { positions in
          tokens.forEachToken { term, key, position in
            let slot = next[Int(term)]
            keys[slot] =
              UInt16(locals[Int(key >> IndexSegment.fieldBits)] << IndexSegment.fieldBits)
              | key & UInt16(IndexSegment.fieldMask)
            positions[slot] = position
            next[Int(term)] = slot + 1
          }
        }
      }
    }
    self.starts = starts
    self.keys = keys
    self.positions = positions
  }

  func count(of term: Int) -> Int { starts[term + 1] - starts[term] }

  /// Calls `add` with each of term `term`'s tokens whose key is below `key`, from
  /// `next` on, and moves `next` past them.
  @inline(__always)
  func forEachToken(
    of term: Int, from next: inout Int, before key: UInt16,
    _ add: (_ key: UInt16, _ position: UInt32) -> Void
  ) {
    let end = starts[term + 1]
    while next < end && keys[next] < key {
      add(keys[next], positions[next])
      next += 1
    }
  }
}

/// A fresh segment's postings: its terms in byte order (`order` lists first-seen ids by
/// rank), each term's tokens from its group.
struct FreshPostings: PostingSource {
  let groups: TermGroups
  let order: [UInt32]

  var termCount: Int { order.count }

  func tokenBound(ofRank rank: Int) -> Int { groups.count(of: Int(order[rank])) }

  func forEachToken(ofRank rank: Int, _ add: (_ key: UInt16, _ position: UInt32) -> Void) {
    let term = Int(order[rank])
    var next = groups.starts[term]
    groups.forEachToken(of: term, from: &next, before: .max, add)
  }
}
