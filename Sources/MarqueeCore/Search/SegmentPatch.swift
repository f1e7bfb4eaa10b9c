/// An index segment made again when a few of its articles changed, from the old
/// segment's postings rather than by reading every article's text again.
///
/// Tokenizing is nearly all the cost of building a segment: a few hundred milliseconds
/// for 4,096 articles. When one file of a cached library is edited, its segment's other
/// articles are the same text as before, so their postings are copied over (decoded,
/// renumbered, encoded again: a few milliseconds) and only the changed and new articles
/// are tokenized. The result is the segment a fresh build over the same articles gives,
/// byte for byte.
extension IndexSegment {
  /// The segment `init(articles:firstDocument:)` would build over `articles`, made from
  /// `old` wherever it can: `origins[i]` is article `i`'s local number in `old`, its text
  /// the same as when `old` was built, or nil for an article to tokenize now. Articles of
  /// `old` that no origin names are left out.
  init(
    articles: ArraySlice<Article>, firstDocument: Int, reusing old: IndexSegment, origins: [Int?]
  ) {
    precondition(articles.count == origins.count, "one origin per article")
    precondition(articles.count <= Self.maxArticles, "too many articles for one segment")
    var renumbered = [Int32](repeating: -1, count: old.documentCount)
    var freshArticles: [Article] = []
    var freshLocals: [Int] = []
    for (local, origin) in origins.enumerated() {
      if let origin {
        renumbered[origin] = Int32(local)
      } else {
        freshArticles.append(articles[articles.startIndex + local])
        freshLocals.append(local)
      }
    }
    let fresh = FreshPostings(SegmentTokens(freshArticles[...]), locals: freshLocals)

    var lengths = [UInt32](repeating: 0, count: origins.count * Self.fieldCount)
    var freshNumber = 0
    for (local, origin) in origins.enumerated() {
      for field in 0..<Self.fieldCount {
        lengths[local * Self.fieldCount + field] =
          origin.map { old.lengths[$0 * Self.fieldCount + field] }
          ?? fresh.tokens.lengths[freshNumber * Self.fieldCount + field]
      }
      if origin == nil { freshNumber += 1 }
    }

    let patched = old.withCursors { streams in
      let terms = Self.mergedTerms(old: old, streams: streams, renumbered: renumbered, fresh: fresh)
      let source = PatchedPostings(
        streams: streams, renumbered: renumbered, terms: terms.pairs, fresh: fresh)
      return (terms, EncodedPostings(source, order: (0..<UInt32(terms.pairs.count)).map { $0 }))
    }
    let (terms, postings) = patched
    self.init(
      firstDocument: firstDocument, documentCount: articles.count,
      termBytes: FlatArray(terms.bytes), termStarts: FlatArray(terms.starts),
      entryStarts: postings.entryStarts, entries: postings.entries,
      positionStarts: postings.positionStarts, positions: postings.positions,
      lengths: FlatArray(lengths))
  }

  /// The new segment's vocabulary in byte order: the old terms some kept article still
  /// has, and the fresh articles' terms. Each is the pair of its ids (-1 where absent).
  private static func mergedTerms(
    old: IndexSegment, streams: PostingStreams, renumbered: [Int32], fresh: FreshPostings
  ) -> (pairs: [(old: Int32, fresh: Int32)], bytes: [UInt8], starts: [UInt32]) {
    let kept = (0..<old.termCount).filter { term in
      var entries = streams.entries(of: term)
      while entries.next() {
        if renumbered[Int(entries.key >> fieldBits)] >= 0 { return true }
      }
      return false
    }
    let table = fresh.tokens.table
    let freshOrder = table.sortedIDs()
    var pairs: [(old: Int32, fresh: Int32)] = []
    var bytes: [UInt8] = []
    var starts: [UInt32] = [0]
    pairs.reserveCapacity(kept.count + freshOrder.count)
    starts.reserveCapacity(kept.count + freshOrder.count + 1)
    table.bytes.withUnsafeBufferPointer { freshBytes in
      func freshTerm(_ id: UInt32) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(
          rebasing: freshBytes[Int(table.starts[Int(id)])..<Int(table.starts[Int(id) + 1])])
      }
      var oldNext = 0
      var freshNext = 0
      while oldNext < kept.count || freshNext < freshOrder.count {
        let order =
          oldNext == kept.count
          ? 1
          : freshNext == freshOrder.count
            ? -1
            : old.withTerm(kept[oldNext]) {
              ByteOrder.compare($0, freshTerm(freshOrder[freshNext]))
            }
        let pair: (old: Int32, fresh: Int32) = (
          order <= 0 ? Int32(kept[oldNext]) : -1, order >= 0 ? Int32(freshOrder[freshNext]) : -1
        )
        if pair.old >= 0 {
          old.withTerm(Int(pair.old)) { bytes += $0 }
          oldNext += 1
        } else {
          bytes += freshTerm(UInt32(pair.fresh))
        }
        if pair.fresh >= 0 { freshNext += 1 }
        pairs.append(pair)
        starts.append(UInt32(bytes.count))
      }
    }
    return (pairs, bytes, starts)
  }
}

/// The tokens of the articles tokenized now, term by term: each fresh term's keys and
/// positions, in (key, position) order, keys numbered as in the new segment.
private struct FreshPostings {
  let tokens: SegmentTokens
  /// Term `t`'s tokens are `keys[starts[t]..<starts[t + 1]]` (and as many positions).
  let starts: [Int]
  let keys: [UInt16]
  let positions: [UInt32]

  /// `locals[i]` is where the `i`th tokenized article is in the new segment.
  init(_ tokens: SegmentTokens, locals: [Int]) {
    self.tokens = tokens
    var starts = [Int](repeating: 0, count: tokens.termCount + 1)
    tokens.forEachToken { term, _, _ in starts[Int(term) + 1] += 1 }
    for term in 0..<tokens.termCount { starts[term + 1] += starts[term] }
    var next = starts
    var keys = [UInt16](repeating: 0, count: starts[tokens.termCount])
    var positions = [UInt32](repeating: 0, count: starts[tokens.termCount])
    tokens.forEachToken { term, key, position in
      let local = locals[Int(key >> IndexSegment.fieldBits)]
      keys[next[Int(term)]] =
        UInt16(local << IndexSegment.fieldBits) | key & UInt16(IndexSegment.fieldMask)
      positions[next[Int(term)]] = position
      next[Int(term)] += 1
    }
    self.starts = starts
    self.keys = keys
    self.positions = positions
  }
}

/// Feeds the new segment's postings, term by term: an old term's entries for the
/// articles kept, renumbered, merged by key with the fresh articles' tokens of the term.
private struct PatchedPostings: PostingSource {
  let streams: PostingStreams
  let renumbered: [Int32]
  let terms: [(old: Int32, fresh: Int32)]
  let fresh: FreshPostings

  var termCount: Int { terms.count }

  func encode<Output>(_ encoder: PostingEncoder<Output>, _ states: inout [PostingState]) {
    for (rank, term) in terms.enumerated() {
      var next = term.fresh >= 0 ? fresh.starts[Int(term.fresh)] : 0
      let end = term.fresh >= 0 ? fresh.starts[Int(term.fresh) + 1] : 0
      func addFresh(before key: UInt16) {
        while next < end && fresh.keys[next] < key {
          encoder.add(key: fresh.keys[next], position: fresh.positions[next], to: &states[rank])
          next += 1
        }
      }
      if term.old >= 0 {
        var entries = streams.entries(of: Int(term.old))
        var positions =
          streams.positions + Int(streams.segment.positionStarts[Int(term.old)])
        while entries.next() {
          let local = renumbered[Int(entries.key >> IndexSegment.fieldBits)]
          guard local >= 0 else {
            positions = VarInt.skip(Int(entries.frequency), from: positions)
            continue
          }
          let key =
            UInt16(Int(local) << IndexSegment.fieldBits)
            | UInt16(entries.key & IndexSegment.fieldMask)
          addFresh(before: key)
          // An entry's first position is stored as it is, the others as gaps.
          var position: UInt32 = 0
          for _ in 0..<entries.frequency {
            position &+= VarInt.read(&positions)
            encoder.add(key: key, position: position, to: &states[rank])
          }
        }
      }
      // Keys stay below `.max`: there are fewer than eight fields.
      addFresh(before: .max)
      encoder.close(&states[rank])
    }
  }
}
