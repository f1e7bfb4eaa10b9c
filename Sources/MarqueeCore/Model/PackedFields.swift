/// An article's text fields as one run of bytes: each piece a kind byte, its length and
/// its UTF-8 text, back to back. The bytes can be shared by many articles (a whole load
/// batch), so an article costs its text plus a few bytes, with no allocation of its own.
///
/// A separate `String` per paragraph cost about 1.4 KB of headers and allocator slack per
/// article; one string plus two arrays per article still cost ~380 bytes and left the
/// heap fragmented by the parse's short-lived allocations between them. Text shared by a
/// batch is one allocation made after the parse, so neither happens.
///
/// Pieces come in a fixed order: source URL, author and date (when present), title, dek, related
/// links, then each image (a marker, then its label, caption and credit when present),
/// then the body (paragraphs, and image references carrying the image's index). The
/// encoding is canonical, so two articles have equal fields exactly when their bytes are
/// equal.
struct PackedFields: Sendable {
  enum Kind: UInt8, Sendable {
    case sourceURL, author, date, title, dek, related
    case image, galleryImage, label, caption, credit
    case paragraph, imageReference

    /// Markers carry nothing; an image reference carries its index; the rest, text.
    fileprivate var payload: Payload {
      switch self {
      case .image, .galleryImage: .none
      case .imageReference: .number
      default: .text
      }
    }

    fileprivate enum Payload { case none, number, text }
  }

  /// Possibly shared with other articles (a load batch's, or a mapped cache file's);
  /// this one's pieces are `bytes[range]`.
  private let bytes: FlatArray<UInt8>
  private let range: Range<Int>

  /// Bytes of text this one holds on the heap, with the articles it shares them with: 0
  /// when they are read in place from a mapped cache file.
  var heapBytes: Int { bytes.heapBytes }

  /// The body's pieces, packed as they are found (a page of a million paragraphs is
  /// never held as a million `ArticleBlock`s), with the words of its paragraphs.
  struct Body {
    fileprivate private(set) var writer = Writer(counting: false)
    private(set) var wordCount = 0

    init() {}

    init(_ blocks: [ArticleBlock]) {
      for block in blocks {
        switch block {
        case .paragraph(let paragraph): add(paragraph: paragraph)
        case .image(let index): add(imageReference: index)
        }
      }
    }

    mutating func add(paragraph: String) {
      writer.add(.paragraph, paragraph)
      wordCount += WordCount.of(paragraph)
    }

    mutating func add(imageReference index: Int) {
      writer.add(.imageReference, number: index)
    }
  }

  init(
    sourceURL: String?, author: String?, date: String?, title: String, dek: String,
    body: Body, images: [ArticleImage], relatedLinks: [String]
  ) {
    // Written twice: once to count the bytes, then into an allocation of that size (an
    // array grown piece by piece was copied a dozen times, and once more to trim it);
    // then joined with the body's bytes in the storage they stay in.
    func write(_ writer: inout Writer) {
      if let sourceURL { writer.add(.sourceURL, sourceURL) }
      if let author { writer.add(.author, author) }
      if let date { writer.add(.date, date) }
      writer.add(.title, title)
      writer.add(.dek, dek)
      for link in relatedLinks { writer.add(.related, link) }
      for image in images {
        writer.add(image.isGallery ? .galleryImage : .image)
        if let label = image.label { writer.add(.label, label) }
        if let caption = image.caption { writer.add(.caption, caption) }
        if let credit = image.credit { writer.add(.credit, credit) }
      }
    }
    var counter = Writer(counting: true)
    write(&counter)
    var head = Writer(capacity: counter.count)
    write(&head)
    bytes = Self.joining([head.bytes, body.writer.bytes])
    range = bytes.indices
  }

  /// Runs of bytes back to back, copied once into the storage they stay in.
  private static func joining(_ runs: [[UInt8]]) -> FlatArray<UInt8> {
    FlatArray(count: runs.reduce(0) { $0 + $1.count }) { storage in
      var start = 0
      for run in runs {
        _ = UnsafeMutableBufferPointer(rebasing: storage[start..<(start + run.count)])
          .initialize(from: run)
        start += run.count
      }
    }
  }

  /// Pieces written before (a cache file's), at `range` of `bytes`. The caller has
  /// checked that they are whole pieces, as this type writes them.
  init(bytes: FlatArray<UInt8>, range: Range<Int>) {
    self.bytes = bytes
    self.range = range
  }

  /// This article's pieces, for writing them out.
  func withPieceBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
  }

  /// The same fields, with the bytes of all of them copied into one shared allocation.
  static func sharingStorage(_ fields: [PackedFields]) -> [PackedFields] {
    var ranges: [Range<Int>] = []
    ranges.reserveCapacity(fields.count)
    var end = 0
    for field in fields {
      ranges.append(end..<(end + field.range.count))
      end += field.range.count
    }
    let storage = FlatArray<UInt8>(count: end) { storage in
      for (field, range) in zip(fields, ranges) {
        field.withPieceBytes {
          _ = UnsafeMutableBufferPointer(rebasing: storage[range]).initialize(from: $0)
        }
      }
    }
    return ranges.map { PackedFields(bytes: storage, range: $0) }
  }

  func first(_ wanted: Kind) -> String? {
    var found: String?
    walk { kind, _, text in
      guard kind == wanted else { return true }
      found = String(decoding: text, as: UTF8.self)
      return false
    }
    return found
  }

  func all(_ wanted: Kind) -> [String] {
    var found: [String] = []
    walk { kind, _, text in
      if kind == wanted { found.append(String(decoding: text, as: UTF8.self)) }
      return true
    }
    return found
  }

  var body: [ArticleBlock] {
    var blocks: [ArticleBlock] = []
    walk { kind, number, text in
      switch kind {
      case .paragraph: blocks.append(.paragraph(String(decoding: text, as: UTF8.self)))
      case .imageReference: blocks.append(.image(number))
      default: break
      }
      return true
    }
    return blocks
  }

  var images: [ArticleImage] {
    var images: [ArticleImage] = []
    var offset = firstImageOffset
    while let found = image(at: offset) {
      images.append(found.image)
      offset = found.next
    }
    return images
  }

  /// Where the first image's pieces start (the end of the pieces when there is none).
  var firstImageOffset: Int {
    var first = range.upperBound
    walk { kind, _, _, offset in
      guard kind == .image || kind == .galleryImage else { return true }
      first = offset
      return false
    }
    return first
  }

  /// The image whose pieces start at `offset`, and where the piece after them starts;
  /// nil when no image starts there.
  func image(at offset: Int) -> (image: ArticleImage, next: Int)? {
    WorkCounter.imageUnpacking?.add()
    var isGallery: Bool?
    var fields: [Kind: String] = [:]
    var next = range.upperBound
    walk(from: offset) { kind, _, text, start in
      let isMarker = kind == .image || kind == .galleryImage
      if isGallery == nil, isMarker {
        isGallery = kind == .galleryImage
        return true
      }
      if isGallery != nil, kind == .label || kind == .caption || kind == .credit {
        fields[kind] = String(decoding: text, as: UTF8.self)
        return true
      }
      next = start
      return false
    }
    guard let isGallery else { return nil }
    return (
      ArticleImage(
        label: fields[.label], caption: fields[.caption], credit: fields[.credit],
        isGallery: isGallery),
      next
    )
  }

  /// The body's pieces from `offset` on, until at least `bytes` of paragraph text are
  /// read: each a paragraph or an image reference (its number); and where to go on, nil
  /// at the end. Pieces that are not the body's are passed over.
  func bodyPieces(from offset: Int, bytes budget: Int) -> (
    pieces: [(paragraph: String?, image: Int)], next: Int?
  ) {
    var pieces: [(paragraph: String?, image: Int)] = []
    var read = 0
    var next: Int?
    walk(from: offset) { kind, number, text, start in
      if read >= budget {
        next = start
        return false
      }
      switch kind {
      case .paragraph:
        pieces.append((String(decoding: text, as: UTF8.self), 0))
        read += text.count
      case .imageReference: pieces.append((nil, number))
      default: break
      }
      return true
    }
    return (pieces, next)
  }

  /// Where the pieces start and end, for offsets into them.
  var pieceRange: Range<Int> { range }

  /// Calls `body` with the UTF-8 bytes of each piece of the wanted kinds, in order.
  func forEachPiece(_ wanted: [Kind], _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
    let mask = wanted.reduce(UInt32(0)) { $0 | 1 << $1.rawValue }
    walk { kind, _, text in
      if mask & (1 << kind.rawValue) != 0 { body(text) }
      return true
    }
  }

  /// Calls `body` with every text piece whose kind `group` puts in a group (indexed by
  /// `Kind.rawValue`; -1 for none), group by group from 0 to `groupCount`, each group's
  /// pieces in their order here, and `groupEnd` after each group's pieces, even a group
  /// with none. The pieces are found in one walk (`scratch` keeps where each is between
  /// calls) rather than a walk per group.
  func forEachPiece(
    grouping group: [Int8], groupCount: Int, scratch: inout [Int],
    _ body: (UnsafeBufferPointer<UInt8>) -> Void, groupEnd: (Int) -> Void
  ) {
    scratch.removeAll(keepingCapacity: true)
    bytes.withUnsafeBufferPointer { all in
      walk { kind, _, text in
        let wanted = group[Int(kind.rawValue)]
        if wanted >= 0 {
          scratch.append(Int(wanted))
          scratch.append(text.baseAddress.map { $0 - all.baseAddress! } ?? 0)
          scratch.append(text.count)
        }
        return true
      }
      for current in 0..<groupCount {
        for piece in stride(from: 0, to: scratch.count, by: 3) where scratch[piece] == current {
          body(
            UnsafeBufferPointer(
              rebasing: all[scratch[piece + 1]..<scratch[piece + 1] + scratch[piece + 2]]))
        }
        groupEnd(current)
      }
    }
  }

  /// Visits the pieces in order from `start` (where a piece starts; the first, when
  /// nil) with their kind, number (image references), text and where the piece starts,
  /// until `visit` returns false.
  private func walk(
    from start: Int? = nil, _ visit: (Kind, Int, UnsafeBufferPointer<UInt8>, Int) -> Bool
  ) {
    bytes.withUnsafeBufferPointer { all in
      var offset = start ?? range.lowerBound
      while offset < range.upperBound {
        let pieceStart = offset
        let kind = Kind(rawValue: all[offset])!
        offset += 1
        var number = 0
        var text = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        switch kind.payload {
        case .none: break
        case .number: number = Self.readNumber(all, at: &offset)
        case .text:
          let length = Self.readNumber(all, at: &offset)
          text = UnsafeBufferPointer(rebasing: all[offset..<offset + length])
          offset += length
        }
        guard visit(kind, number, text, pieceStart) else { return }
      }
    }
  }

  /// `walk` for visitors that need no offsets.
  private func walk(_ visit: (Kind, Int, UnsafeBufferPointer<UInt8>) -> Bool) {
    walk(from: nil) { kind, number, text, _ in visit(kind, number, text) }
  }

  private static func readNumber(_ bytes: UnsafeBufferPointer<UInt8>, at offset: inout Int) -> Int {
    var pointer = bytes.baseAddress! + offset
    let number = Int(VarInt.read(&pointer))
    offset = pointer - bytes.baseAddress!
    return number
  }

  /// Builds one article's bytes. Numbers fit in 32 bits: no piece is longer than the
  /// largest file Marquee reads (`LoadOptions.largestMaxFileSize`) decodes to.
  /// Writes pieces into `bytes`, or only counts them.
  fileprivate struct Writer {
    private(set) var bytes: [UInt8] = []
    private(set) var count = 0
    private let counting: Bool

    init(counting: Bool) {
      self.counting = counting
    }

    init(capacity: Int) {
      counting = false
      bytes.reserveCapacity(capacity)
    }

    mutating func add(_ kind: Kind) {
      append(kind.rawValue)
    }

    mutating func add(_ kind: Kind, number: Int) {
      append(kind.rawValue)
      appendVarInt(UInt32(clamping: number))
    }

    mutating func add(_ kind: Kind, _ text: String) {
      append(kind.rawValue)
      ValidUTF8.withBytes(of: text) { text in
        appendVarInt(UInt32(text.count))
        count += text.count
        if !counting { bytes += text }
      }
    }

    private mutating func append(_ byte: UInt8) {
      count += 1
      if !counting { bytes.append(byte) }
    }

    private mutating func appendVarInt(_ value: UInt32) {
      count += Int(VarInt.size(value))
      if !counting { VarInt.append(value, to: &bytes) }
    }
  }
}

extension PackedFields: Hashable {
  static func == (left: PackedFields, right: PackedFields) -> Bool {
    left.withPieceBytes { left in right.withPieceBytes { left.elementsEqual($0) } }
  }

  func hash(into hasher: inout Hasher) {
    withPieceBytes { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }

  /// `ContentHash` of the packed pieces: the same for the same fields, in every run.
  var contentHash: UInt64 {
    withPieceBytes { ContentHash.of(UnsafeRawBufferPointer($0)) }
  }
}
