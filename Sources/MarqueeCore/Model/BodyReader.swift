/// Reads an article's body a part at a time, images with it, without unpacking the rest:
/// the reader lays out a long article a few screens at a time, and unpacking a body of
/// 8 MB (or 100,000 images) when it was selected held a key up for all of it.
public struct BodyReader: Sendable {
  /// A piece of the body, its image unpacked.
  public enum Block: Sendable, Hashable {
    case paragraph(String)
    /// The image's index in `Article.images`, and the image.
    case image(Int, ArticleImage)
  }

  private let packed: PackedFields
  /// Where the next body piece is read from; nil at the end.
  private var offset: Int?
  /// The next image to be read in order, and where its pieces start.
  private var nextImage = 0
  private var imageOffset: Int

  init(_ packed: PackedFields) {
    self.packed = packed
    offset = packed.pieceRange.lowerBound
    imageOffset = packed.firstImageOffset
  }

  /// Whether the whole body has been read.
  public var isAtEnd: Bool { offset == nil }

  /// How much of the article's pieces is read, in percent (100 at the end).
  public var percentRead: Int {
    guard let offset else { return 100 }
    let range = packed.pieceRange
    return (offset - range.lowerBound) * 100 / max(1, range.count)
  }

  /// The next blocks, at least `bytes` of paragraph text when the body has that much
  /// left; none at the end.
  public mutating func next(bytes: Int) -> [Block] {
    guard let start = offset else { return [] }
    let (pieces, next) = packed.bodyPieces(from: start, bytes: bytes)
    offset = next
    return pieces.compactMap { piece in
      if let paragraph = piece.paragraph { return .paragraph(paragraph) }
      return image(piece.image).map { .image(piece.image, $0) }
    }
  }

  /// Image `index`, read on from the last one read (images come in the body in order;
  /// one that does not starts again from the first).
  private mutating func image(_ index: Int) -> ArticleImage? {
    if index < nextImage {
      nextImage = 0
      imageOffset = packed.firstImageOffset
    }
    while let found = packed.image(at: imageOffset) {
      imageOffset = found.next
      nextImage += 1
      if nextImage - 1 == index { return found.image }
    }
    return nil
  }
}

extension Article {
  /// A reader of the body from its start.
  public func bodyReader() -> BodyReader { BodyReader(packed) }
}

/// Reads an article's images one after another, without unpacking the rest: the
/// gallery pane lays out as many as it shows.
public struct ImageReader: Sendable {
  private let packed: PackedFields
  private var offset: Int

  init(_ packed: PackedFields) {
    self.packed = packed
    offset = packed.firstImageOffset
  }

  /// The next image; nil after the last.
  public mutating func next() -> ArticleImage? {
    guard let found = packed.image(at: offset) else { return nil }
    offset = found.next
    return found.image
  }
}

extension Article {
  /// A reader of the images from the first.
  public func imageReader() -> ImageReader { ImageReader(packed) }
}
