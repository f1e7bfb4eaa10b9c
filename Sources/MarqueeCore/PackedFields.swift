/// An article's text fields in one exactly sized string, with where each piece ends and
/// what it is: one allocation per article instead of one per field.
///
/// Pieces come in a fixed order: source URL and date (when present), title, dek,
/// related links, then each image (a marker piece, then its label, caption and credit
/// when present), then the body (paragraphs, and image references whose kind carries
/// the image's index). Any `Article` round-trips exactly, so equality is field equality.
struct PackedFields: Sendable, Hashable {
  enum Kind: UInt32, Sendable {
    case sourceURL, published, title, dek, related
    case image, galleryImage, label, caption, credit
    case paragraph, imageReference
  }

  private let text: String
  /// UTF-8 end offset of each piece in `text`; a piece starts where the previous ends.
  private let ends: [UInt32]
  /// Each piece's `Kind`, in the low byte; an image reference keeps its index above it.
  private let kinds: [UInt32]

  init(
    sourceURL: String?, published: String?, title: String, dek: String,
    body: [ArticleBlock], images: [ArticleImage], relatedLinks: [String]
  ) {
    var pieces: [(Kind, String, index: Int)] = []
    if let sourceURL { pieces.append((.sourceURL, sourceURL, 0)) }
    if let published { pieces.append((.published, published, 0)) }
    pieces += [(.title, title, 0), (.dek, dek, 0)]
    pieces += relatedLinks.map { (.related, $0, 0) }
    for image in images {
      pieces.append((image.isGallery ? .galleryImage : .image, "", 0))
      if let label = image.label { pieces.append((.label, label, 0)) }
      if let caption = image.caption { pieces.append((.caption, caption, 0)) }
      if let credit = image.credit { pieces.append((.credit, credit, 0)) }
    }
    for block in body {
      switch block {
      case .paragraph(let paragraph): pieces.append((.paragraph, paragraph, 0))
      case .image(let index): pieces.append((.imageReference, "", index))
      }
    }
    var text = ""
    text.reserveCapacity(pieces.reduce(0) { $0 + $1.1.utf8.count })
    var ends: [UInt32] = []
    ends.reserveCapacity(pieces.count)
    for piece in pieces {
      text += piece.1
      ends.append(UInt32(text.utf8.count))
    }
    self.text = text
    self.ends = ends
    kinds = pieces.map { UInt32(truncatingIfNeeded: $0.index) << 8 | $0.0.rawValue }
  }

  private func kind(_ piece: Int) -> Kind { Kind(rawValue: kinds[piece] & 0xFF)! }

  private func string(_ piece: Int) -> String {
    let utf8 = text.utf8
    let start = utf8.index(utf8.startIndex, offsetBy: piece == 0 ? 0 : Int(ends[piece - 1]))
    let end = utf8.index(utf8.startIndex, offsetBy: Int(ends[piece]))
    return String(text[start..<end])
  }

  func first(_ wanted: Kind) -> String? {
    kinds.indices.first { kind($0) == wanted }.map(string)
  }

  func all(_ wanted: Kind) -> [String] {
    kinds.indices.filter { kind($0) == wanted }.map(string)
  }

  var body: [ArticleBlock] {
    kinds.indices.compactMap { piece in
      switch kind(piece) {
      case .paragraph: .paragraph(string(piece))
      case .imageReference: .image(Int(kinds[piece] >> 8))
      default: nil
      }
    }
  }

  var images: [ArticleImage] {
    var images: [ArticleImage] = []
    var piece = 0
    while piece < kinds.count {
      let marker = kind(piece)
      piece += 1
      guard marker == .image || marker == .galleryImage else { continue }
      var fields: [Kind: String] = [:]
      while piece < kinds.count, [.label, .caption, .credit].contains(kind(piece)) {
        fields[kind(piece)] = string(piece)
        piece += 1
      }
      images.append(
        ArticleImage(
          label: fields[.label], caption: fields[.caption], credit: fields[.credit],
          isGallery: marker == .galleryImage))
    }
    return images
  }

  func forEachPiece(_ wanted: [Kind], _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
    let mask = wanted.reduce(UInt32(0)) { $0 | 1 << $1.rawValue }
    ValidUTF8.withBytes(of: text) { bytes in
      for piece in kinds.indices where mask & (1 << (kinds[piece] & 0xFF)) != 0 {
        let start = piece == 0 ? 0 : Int(ends[piece - 1])
        body(UnsafeBufferPointer(rebasing: bytes[start..<Int(ends[piece])]))
      }
    }
  }
}
