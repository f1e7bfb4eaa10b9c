/// A segment's articles read once into term ids, kept just long enough to encode their
/// postings (`IndexSegment.init`).
///
/// Four bytes a token: each token's key and position are not stored but replayed from
/// the order tokens come in (article, field, piece) and the token count of each piece.
struct SegmentTokens: PostingSource {
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

  /// Feeds every token, with its key and position, to `encoder`, then closes every
  /// term's last entry. `states` is indexed by first-seen term id.
  func encode<Output>(_ encoder: PostingEncoder<Output>, _ states: inout [PostingState]) {
    states.withUnsafeMutableBufferPointer { states in
      forEachToken { term, key, position in
        encoder.add(key: key, position: position, to: &states[Int(term)])
      }
      for term in states.indices { encoder.close(&states[term]) }
    }
  }

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
